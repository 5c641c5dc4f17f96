// What can go wrong opening a PDF, told apart so the reader says it plainly: pdf.js's errors (by name, without
// loading pdf.js), failed downloads, addresses that are not web PDFs, bytes that are not a PDF; and the
// download itself (permission, status, size) with a stand-in fetch.
import { describe, expect, it, vi } from 'vitest';
import { MAX_PDF_BYTES, classifyFetchError, classifyPdfError, looksLikePdf, parsePdfAddress } from '@/entrypoints/pdf/problems';
import { problemMessage } from '@/entrypoints/pdf/reader-strings';
import { checkBytes, fetchPdf, fileNameOf, originPattern, readPdfFile } from '@/entrypoints/pdf/source';
import { detectLanguage } from '@/entrypoints/pdf/document-language';
import { findOnPage, foldForFind, foldQuery } from '@/entrypoints/pdf/find';
import { pageText } from '@/entrypoints/pdf/page-text';

const pdfError = (name: string, extra: object = {}) => Object.assign(new Error(`${name} happened`), { name, ...extra });
const bytes = (text: string) => new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>;

describe('classifyPdfError', () => {
  const cases: [unknown, object][] = [
    [pdfError('PasswordException', { code: 1 }), { kind: 'password', retry: false }],
    [pdfError('PasswordException', { code: 2 }), { kind: 'password', retry: true }],
    [pdfError('InvalidPDFException'), { kind: 'damaged' }],
    [pdfError('FormatError'), { kind: 'damaged' }],
    [pdfError('UnknownErrorException'), { kind: 'damaged' }],
    [new Error('Invalid PDF structure.'), { kind: 'damaged' }],
    [pdfError('ResponseException', { status: 404 }), { kind: 'http', status: 404 }],
    [new Error('out of memory'), { kind: 'unknown', detail: 'Error: out of memory' }],
    [undefined, { kind: 'unknown' }],
  ];
  for (const [error, want] of cases) {
    it(`${(error as Error)?.name ?? String(error)}: ${(error as Error)?.message ?? ''} → ${JSON.stringify(want)}`, () => {
      expect(classifyPdfError(error)).toMatchObject(want);
    });
  }
});

describe('bytes and addresses', () => {
  it('knows a PDF by its header, within the first 1024 bytes as pdf.js allows', () => {
    expect(looksLikePdf(bytes('%PDF-1.7\n...'))).toBe(true);
    expect(looksLikePdf(bytes(`${' '.repeat(900)}%PDF-1.4`))).toBe(true);
    expect(looksLikePdf(bytes(`${' '.repeat(1100)}%PDF-1.4`))).toBe(false);
    expect(looksLikePdf(bytes('<!doctype html>'))).toBe(false);
    expect(checkBytes(new Uint8Array())).toEqual({ kind: 'not-pdf' });
    expect(checkBytes(bytes('%PDF-1.7'))).toBeInstanceOf(Uint8Array);
  });

  it('accepts only http(s) addresses, and sends local files to the file picker', () => {
    expect(parsePdfAddress('https://www.uscis.gov/a.pdf')).toBeInstanceOf(URL);
    expect(parsePdfAddress('file:///home/ana/a.pdf')).toEqual({ kind: 'bad-address', local: true });
    expect(parsePdfAddress('javascript:alert(1)')).toEqual({ kind: 'bad-address', local: false });
    expect(parsePdfAddress('not an address')).toEqual({ kind: 'bad-address', local: false });
  });

  it('asks for one site, every port (match patterns carry no port)', () => {
    expect(originPattern('http://127.0.0.1:8080')).toBe('http://127.0.0.1/*');
    expect(originPattern('https://www.justice.gov')).toBe('https://www.justice.gov/*');
  });

  it('names the document after the last part of its address', () => {
    expect(fileNameOf(new URL('https://x.gov/opinions/24-154%20final.pdf?dl=1'))).toBe('24-154 final.pdf');
    expect(fileNameOf(new URL('https://x.gov/'))).toBe('document.pdf');
  });

  it('has a plain message for every problem, in English and Spanish', () => {
    const problems = [
      { kind: 'not-pdf' }, { kind: 'damaged' }, { kind: 'password', retry: false }, { kind: 'password', retry: true },
      { kind: 'needs-access', origin: 'https://x.gov' }, { kind: 'unreachable' }, { kind: 'http', status: 403 },
      { kind: 'too-large' }, { kind: 'bad-address', local: true }, { kind: 'bad-address', local: false }, { kind: 'unknown', detail: '' },
    ] as const;
    for (const p of problems) {
      const en = problemMessage(p, 'en');
      const es = problemMessage(p, 'es');
      expect(en.length).toBeGreaterThan(20);
      expect(es.length).toBeGreaterThan(20);
      expect(es).not.toBe(en);
    }
    expect(problemMessage({ kind: 'http', status: 403 }, 'es')).toContain('403');
  });
});

describe('fetchPdf', () => {
  const url = new URL('https://www.ice.gov/doclib/memo.pdf');
  const response = (body: Uint8Array, init: ResponseInit = {}) => new Response(body as Uint8Array<ArrayBuffer>, init);

  it('downloads without cookies when the site is not allowed, and with them when it is', async () => {
    const fetch = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => response(bytes('%PDF-1.7 body')));
    expect(await fetchPdf(url, { fetch, hasAccess: async () => false })).toBeInstanceOf(Uint8Array);
    expect(fetch.mock.calls[0][1]).toMatchObject({ credentials: 'omit' });
    await fetchPdf(url, { fetch, hasAccess: async () => true });
    expect(fetch.mock.calls[1][1]).toMatchObject({ credentials: 'include' });
  });

  it('turns a refusal into a request for access to the site, and a failure with access into "unreachable"', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('NetworkError when attempting to fetch resource.');
    });
    expect(await fetchPdf(url, { fetch, hasAccess: async () => false })).toEqual({ kind: 'needs-access', origin: 'https://www.ice.gov' });
    expect(await fetchPdf(url, { fetch, hasAccess: async () => true })).toEqual({ kind: 'unreachable' });
    expect(classifyFetchError(new Error('x'), url, false)).toMatchObject({ kind: 'unknown' });
  });

  it('reports an error status, a file too large, and bytes that are not a PDF', async () => {
    expect(await fetchPdf(url, { fetch: async () => response(bytes('no'), { status: 403 }), hasAccess: async () => true })).toEqual({ kind: 'http', status: 403 });
    const huge = { 'content-length': String(MAX_PDF_BYTES + 1) };
    expect(await fetchPdf(url, { fetch: async () => response(bytes('%PDF-'), { headers: huge }), hasAccess: async () => true })).toEqual({ kind: 'too-large' });
    expect(await fetchPdf(url, { fetch: async () => response(bytes('<html>')), hasAccess: async () => true })).toEqual({ kind: 'not-pdf' });
  });

  it('gives up on a site that never answers, instead of waiting for ever', async () => {
    const fetch = (_url: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    expect(await fetchPdf(url, { fetch, hasAccess: async () => true, timeoutMs: 30 })).toEqual({ kind: 'unreachable' });
  });

  it('reads a picked file, and says so when it is not a PDF', async () => {
    expect(await readPdfFile(new Blob([bytes('%PDF-1.4 x')]))).toBeInstanceOf(Uint8Array);
    expect(await readPdfFile(new Blob([bytes('PK zip')]))).toEqual({ kind: 'not-pdf' });
  });
});

describe('document language and find', () => {
  it('tells English from Spanish by common words, and says nothing on too little text', () => {
    expect(detectLanguage('The court held that the agency did not act on the application and the plaintiffs')).toBe('en');
    expect(detectLanguage('La corte dijo que la agencia no actuó sobre la solicitud de los demandantes y el juez')).toBe('es');
    expect(detectLanguage('287(g) ICE')).toBeNull();
  });

  it('finds a phrase over line breaks, ignoring case and accents, mapped to item positions', () => {
    const items = [{ str: 'A petición de', hasEOL: true }, { str: 'Hábeas corpus y más.', hasEOL: false }];
    const page = pageText(items);
    const hits = findOnPage(1, page, foldForFind(page.text), foldQuery('peticion de  habeas'));
    expect(hits).toEqual([{ page: 1, start: { item: 0, offset: 2 }, end: { item: 1, offset: 6 } }]);
    expect(findOnPage(1, page, foldForFind(page.text), foldQuery('nowhere'))).toEqual([]);
    expect(foldForFind('Á-b\n')).toHaveLength(4); // one character for one: offsets stay put
  });
});

describe('pdf.js stays in one module', () => {
  it('only entrypoints/pdf/pdfjs.ts imports pdfjs-dist, so Node tests of the other modules never load it', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join, relative, resolve } = await import('node:path');
    const root = resolve(import.meta.dirname, '../..');
    const files = ['entrypoints', 'components', 'utils', 'glossary'].flatMap((dir) =>
      readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
        .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
        .map((e) => relative(root, join(e.parentPath, e.name))),
    );
    const importers = files.filter((f) => /from\s+['"]pdfjs-dist|import\(\s*['"]pdfjs-dist/.test(readFileSync(join(root, f), 'utf8')));
    expect(importers).toEqual(['entrypoints/pdf/pdfjs.ts']);
    // and what loads that module (type-only imports aside) is the reader's wiring and the page drawing, never a module tested on Node
    const viaPdfjs = files.filter((f) => /^import\s+(?!type\s)[^;]*from\s+['"]\.\/pdfjs['"]/m.test(readFileSync(join(root, f), 'utf8'))).sort();
    expect(viaPdfjs).toEqual(['entrypoints/pdf/main.tsx', 'entrypoints/pdf/viewer.ts']);
  });
});

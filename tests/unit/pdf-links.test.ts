// Which tabs and links lead to the PDF reader, and the reader address they lead to.
import { describe, expect, it } from 'vitest';
import { isPdfAddress, readerPath } from '@/utils/pdf-links';

describe('isPdfAddress', () => {
  const cases: [string | undefined, boolean][] = [
    ['https://www.supremecourt.gov/opinions/24pdf/24-154_8n59.pdf', true],
    ['https://www.uscis.gov/sites/default/files/document/forms/i-485instr.PDF?download=1', true],
    ['http://127.0.0.1:8080/pdfs/opinion.pdf#page=2', true],
    ['file:///home/ana/Downloads/notice.pdf', true],
    ['https://www.federalregister.gov/documents/2025/01/01/x', false],
    ['https://example.org/pdf', false],
    ['https://example.org/report.pdf.html', false],
    ['chrome-extension://abc/pdf.html?url=x.pdf', false],
    ['not a url', false],
    [undefined, false],
  ];
  for (const [url, want] of cases) it(`${url} → ${want}`, () => expect(isPdfAddress(url)).toBe(want));
});

describe('readerPath', () => {
  it('carries the address encoded, so its own query and fragment survive', () => {
    const url = 'https://example.org/a b/file.pdf?x=1&y=2#page=3';
    const path = readerPath(url);
    expect(path.startsWith('/pdf.html?url=')).toBe(true);
    expect(new URL(path, 'chrome-extension://id').searchParams.get('url')).toBe(url);
  });
});

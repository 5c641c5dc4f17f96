// @vitest-environment happy-dom
// The reader's request for a site's access. The extension is granted every site at install (the card UI is
// injected into web pages), so the browsers under test never refuse the reader's download; in Chrome a user can
// still limit Legal Lens to some sites, and then the download is refused and the reader asks for that one site,
// from a click, and opens the PDF once it is granted. Shown here with the browser's parts stood in.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Reader } from '@/entrypoints/pdf/Reader';
import type { ReaderSession, SessionState } from '@/entrypoints/pdf/session';
import type { FetchDeps } from '@/entrypoints/pdf/source';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { cards } from './fixture-glossary';

const PDF_URL = 'https://www.uscourts.gov/opinions/memo.pdf';
const ORIGIN = 'https://www.uscourts.gov';
const PDF_BYTES = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');

let root: HTMLElement;
let granted: boolean;
let deps: FetchDeps;
let requestAccess: ReturnType<typeof vi.fn<(origin: string) => Promise<boolean>>>;
let openSession: ReturnType<typeof vi.fn>;

/** What the reader reads of an open session (pdf.js is not loaded here). */
function fakeSession(): ReaderSession {
  const state: SessionState = { pageCount: 1, currentPage: 1, scale: 1, pagesRead: 1, terms: [], pagesWithoutText: 0, pageErrors: [], find: { query: '', hits: 0, current: 0 } };
  return { state, destroy: async () => {}, applySettings: () => {}, viewer: { fitWidthScale: () => 1 } } as unknown as ReaderSession;
}

const settle = async () => {
  for (let i = 0; i < 6; i++) await act(() => new Promise((r) => setTimeout(r, 0)));
};
const problem = () => root.querySelector('.problem')?.getAttribute('data-problem') ?? null;
const allowButton = () => [...root.querySelectorAll('button')].find((b) => b.textContent === `Allow reading PDFs from ${ORIGIN}`);

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  granted = false;
  // as a browser does: without access to the site, a cross-site download from an extension page is refused (CORS)
  deps = {
    hasAccess: vi.fn(async () => granted),
    fetch: vi.fn(async () => {
      if (!granted) throw new TypeError('Failed to fetch');
      return new Response(PDF_BYTES, { status: 200 });
    }) as unknown as typeof fetch,
  };
  requestAccess = vi.fn<(origin: string) => Promise<boolean>>();
  openSession = vi.fn(async () => fakeSession());
});
afterEach(async () => {
  await act(() => render(null, root));
  root.remove();
  document.title = '';
});

async function showReader() {
  await act(() =>
    render(
      <Reader cards={cards} settings={{ ...DEFAULT_SETTINGS }} uiLang="en" initial={{ kind: 'url', url: PDF_URL }} fetchDeps={deps} requestAccess={requestAccess} openSession={openSession as never} />,
      root,
    ),
  );
  await settle();
}

describe('a download the browser refuses for want of access to the site', () => {
  it('asks for that one site from a click, and opens the PDF once the user allows it', async () => {
    await showReader();
    expect(problem()).toBe('needs-access');
    expect(openSession).not.toHaveBeenCalled();
    requestAccess.mockImplementation(async () => (granted = true));
    await act(() => allowButton()!.click());
    await settle();
    expect(requestAccess).toHaveBeenCalledWith(ORIGIN);
    expect(problem()).toBeNull();
    expect(openSession).toHaveBeenCalledTimes(1);
    expect([...(openSession.mock.calls[0][0] as Uint8Array)]).toEqual([...PDF_BYTES]);
    // with the site's access, the download carries the site's cookies, as the browser's own would
    expect((deps.fetch as ReturnType<typeof vi.fn>).mock.calls.at(-1)![1]).toMatchObject({ credentials: 'include' });
  });

  it('stays on the message, downloading nothing more, when the user says no', async () => {
    await showReader();
    requestAccess.mockResolvedValue(false);
    await act(() => allowButton()!.click());
    await settle();
    expect(problem()).toBe('needs-access');
    expect(deps.fetch).toHaveBeenCalledTimes(1);
    expect(openSession).not.toHaveBeenCalled();
  });
});

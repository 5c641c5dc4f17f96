// @vitest-environment happy-dom
// The reader's "Open a PDF file…" (issue 14, new-user trial): its start page showed two identical buttons, the
// toolbar's and the start panel's, and the hidden file input they both click carried the same name for screen
// readers. One control of that name at every step: the start panel's while nothing is open, the toolbar's after.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Reader, type ReaderInput } from '@/entrypoints/pdf/Reader';
import type { ReaderSession, SessionState } from '@/entrypoints/pdf/session';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { cards } from './fixture-glossary';

const OPEN_FILE = 'Open a PDF file…';
let root: HTMLElement;

/** What the reader reads of an open session (pdf.js is not loaded here). */
function fakeSession(): ReaderSession {
  const state: SessionState = { pageCount: 1, currentPage: 1, scale: 1, pagesRead: 1, terms: [], pagesWithoutText: 0, pageErrors: [], find: { query: '', hits: 0, current: 0 } };
  return { state, destroy: async () => {}, applySettings: () => {}, viewer: { fitWidthScale: () => 1 } } as unknown as ReaderSession;
}

async function showReader(initial: ReaderInput | null) {
  await act(() =>
    render(
      <Reader
        cards={cards}
        settings={{ ...DEFAULT_SETTINGS }}
        uiLang="en"
        initial={initial}
        fetchDeps={{ hasAccess: async () => true, fetch: (async () => new Response('')) as typeof fetch }}
        requestAccess={async () => false}
        openSession={async () => fakeSession()}
      />,
      root,
    ),
  );
  for (let i = 0; i < 6; i++) await act(() => new Promise((r) => setTimeout(r, 0)));
}

/** True when `el` is in the accessibility tree: not hidden, nor inside something hidden. */
const exposed = (el: Element) => !el.closest('[hidden], [aria-hidden="true"]');

/** The controls a person (sighted or not) finds by the name "Open a PDF file…". */
function openFileControls(): Element[] {
  const named = [...root.querySelectorAll('button, input, a, [role="button"]')].filter(
    (el) => (el.getAttribute('aria-label') ?? el.textContent?.trim()) === OPEN_FILE,
  );
  return named.filter(exposed);
}

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(async () => {
  await act(() => render(null, root));
  root.remove();
  document.title = '';
});

describe('"Open a PDF file…"', () => {
  it('is one button on the start page, the start panel\'s, and it opens the file picker', async () => {
    await showReader(null);
    const controls = openFileControls();
    expect(controls.map((el) => el.outerHTML)).toHaveLength(1);
    expect(controls[0].closest('.reader-main')).not.toBeNull();
    const picker = root.querySelector<HTMLInputElement>('input[type="file"]')!;
    const click = vi.spyOn(picker, 'click').mockImplementation(() => {});
    await act(() => (controls[0] as HTMLButtonElement).click());
    expect(click).toHaveBeenCalledTimes(1);
  });

  it('is one button in the toolbar once a document is open', async () => {
    const file = new File([new TextEncoder().encode('%PDF-1.7\n%%EOF\n')], 'memo.pdf', { type: 'application/pdf' });
    await showReader({ kind: 'file', file });
    expect(root.querySelector('.reader-aside')).not.toBeNull(); // the document is open
    const controls = openFileControls();
    expect(controls).toHaveLength(1);
    expect(controls[0].closest('.reader-toolbar')).not.toBeNull();
  });
});

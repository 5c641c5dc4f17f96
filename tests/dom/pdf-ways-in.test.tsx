// @vitest-environment happy-dom
// The ways into the PDF reader, all chosen by the user: the popup's "Explain this PDF" on a tab showing a PDF,
// and the context menu's "Open with Legal Lens" on a link to a PDF.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PDF_MENU_ID, pdfMenuItem, readerTabFor } from '@/entrypoints/background/pdf-menu';
import { Popup } from '@/entrypoints/popup/Popup';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { catalog } from './fixture-glossary';

let root: HTMLElement;

async function showPopup(url: string) {
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 3, url, index: 0, active: true }] as never);
  fakeBrowser.tabs.sendMessage = vi.fn(async () => {
    throw new Error('Could not establish connection. Receiving end does not exist.');
  }) as never;
  const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({ id: 4 } as never);
  await act(() => render(<Popup catalog={catalog} initialSettings={{ ...DEFAULT_SETTINGS }} uiLanguage="en-US" />, root));
  for (let i = 0; i < 6; i++) await act(() => new Promise((r) => setTimeout(r, 0)));
  return create;
}

const explainButton = () => [...root.querySelectorAll('button')].find((b) => b.textContent === 'Explain this PDF');

beforeEach(() => {
  fakeBrowser.reset();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('popup on a tab showing a PDF', () => {
  it('offers "Explain this PDF", which opens the reader on that address', async () => {
    const pdf = 'https://www.supremecourt.gov/opinions/24pdf/24-154.pdf?x=1';
    const create = await showPopup(pdf);
    expect(root.textContent).toContain('This tab shows a PDF.');
    expect(root.textContent).not.toContain('Reload the page'); // no content script runs in a PDF viewer: not a fault
    await act(() => explainButton()!.click());
    const { url } = create.mock.calls[0][0] as { url: string };
    expect(url.startsWith('chrome-extension://test-extension-id/pdf.html?url=')).toBe(true);
    expect(new URL(url).searchParams.get('url')).toBe(pdf);
  });

  it('offers nothing of the kind on an ordinary page, and the reader for local files from its links', async () => {
    const create = await showPopup('https://www.example.com/news');
    expect(explainButton()).toBeUndefined();
    const link = [...root.querySelectorAll('a')].find((a) => a.textContent === 'Open a PDF file')!;
    await act(() => link.click());
    expect((create.mock.calls[0][0] as { url: string }).url).toBe('chrome-extension://test-extension-id/pdf.html');
  });
});

describe('context menu on links to PDFs', () => {
  const getURL = (path: string) => `chrome-extension://id${path}`;

  it('is offered only on links whose address ends in .pdf', () => {
    const item = pdfMenuItem('Open with Legal Lens');
    expect(item.contexts).toEqual(['link']);
    expect(item.targetUrlPatterns).toContain('*://*/*.pdf');
  });

  it('opens the reader on the link, next to the current tab', () => {
    const tab = readerTabFor({ menuItemId: PDF_MENU_ID, linkUrl: 'https://www.ice.gov/doclib/memo.pdf' }, { index: 2 }, getURL);
    expect(tab).toEqual({ url: `chrome-extension://id/pdf.html?url=${encodeURIComponent('https://www.ice.gov/doclib/memo.pdf')}`, index: 3 });
  });

  it('does nothing for other menu items, missing links or local files', () => {
    expect(readerTabFor({ menuItemId: 'legal-lens-lookup', linkUrl: 'https://a.gov/x.pdf' }, { index: 0 }, getURL)).toBeNull();
    expect(readerTabFor({ menuItemId: PDF_MENU_ID }, { index: 0 }, getURL)).toBeNull();
    expect(readerTabFor({ menuItemId: PDF_MENU_ID, linkUrl: 'file:///home/a/x.pdf' }, { index: 0 }, getURL)).toBeNull();
    expect(readerTabFor({ menuItemId: PDF_MENU_ID, linkUrl: 'https://a.gov/page.html' }, undefined, getURL)).toBeNull();
  });
});

// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup } from '@/entrypoints/popup/Popup';
import { loadSettings, saveSettings, type Settings } from '@/utils/settings';
import { bodyWordsOf } from '@/glossary/build/emit';
import { articles, catalog } from './fixture-glossary';
import { enforceSyncQuota, manySites } from './support/sync-quota';

let root: HTMLElement;
const $ = <T extends Element = HTMLElement>(selector: string) => root.querySelector<T>(selector)!;

async function settle() {
  for (let i = 0; i < 6; i++) await act(() => new Promise((r) => setTimeout(r, 0)));
}

async function show({ url, terms, settings = {}, ui = 'en-US', bodyWords }: { url: string; terms?: unknown; settings?: Partial<Settings>; ui?: string; bodyWords?: () => Promise<never> | Promise<ReturnType<typeof bodyWordsOf>> }) {
  // the fake browser has no window until one is made; the popup only needs the active tab
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7, url, index: 0, active: true }] as never);
  const send = vi.fn(async () => {
    if (terms === undefined) throw new Error('Could not establish connection. Receiving end does not exist.');
    return terms;
  });
  fakeBrowser.tabs.sendMessage = send as never;
  const initial = await saveSettings(settings);
  await act(() => render(<Popup catalog={catalog} loadBodyWords={bodyWords} initialSettings={initial} uiLanguage={ui} />, root));
  await settle();
  return send;
}

const fakeApis = fakeBrowser as unknown as { scripting: unknown; tabs: { executeScript?: unknown } };
const { scripting: fakeScripting } = fakeApis;
const fakeTabsExecuteScript = fakeApis.tabs.executeScript;

beforeEach(() => {
  fakeBrowser.reset();
  // the probe tests stand in their own injection
  fakeApis.scripting = fakeScripting;
  fakeApis.tabs.executeScript = fakeTabsExecuteScript;
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('popup', () => {
  it('lists the terms found on the page, asking the top frame of the active tab', async () => {
    const send = await show({ url: 'https://www.example.com/news', terms: { terms: [{ id: 'ice', count: 1 }, { id: '287g', count: 3 }] } });
    const [tabId, message, options] = send.mock.calls[0] as unknown as [number, unknown, unknown];
    expect(tabId).toBe(7);
    expect(message).toEqual({ type: 'legal-lens:page-terms' });
    expect(options).toEqual({ frameId: 0 });
    const items = [...root.querySelectorAll('.page-terms li')].map((li) => li.textContent);
    expect(items).toEqual(['287(g) programfound 3 times', 'ICE (U.S. Immigration and Customs Enforcement)found once']);
    expect($('.page-terms a').getAttribute('href')).toBe('chrome-extension://test-extension-id/explainer.html#287g');
    expect(root.textContent).toContain('General information, not legal advice.');
  });

  it('says so kindly when no content script answers (browser pages)', async () => {
    await show({ url: 'chrome://extensions/' });
    expect($('section[aria-labelledby="on-page-heading"]').textContent).toContain('Legal Lens cannot read this page');
    const [, offHere] = root.querySelectorAll<HTMLInputElement>('.toggles input[role="switch"]');
    expect(offHere.disabled).toBe(true);
  });

  it('says the page holds no term when no highlighter answers but the first pass runs there (its mark, read by the probe)', async () => {
    const probe = vi.fn(async () => [{ frameId: 0, result: true }]);
    (fakeBrowser as unknown as { scripting: unknown }).scripting = { executeScript: probe };
    await show({ url: 'https://www.example.com/news' });
    expect(probe).toHaveBeenCalledWith({ target: { tabId: 7, frameIds: [0] }, files: ['/first-pass-probe.js'] });
    expect($('section[aria-labelledby="on-page-heading"]').textContent).toContain('No terms found on this page.');
  });

  it('reads the mark with tabs.executeScript where there is no scripting API (Firefox)', async () => {
    (fakeBrowser as unknown as { scripting: unknown }).scripting = undefined;
    const probe = vi.fn(async () => [true]);
    (fakeBrowser.tabs as unknown as { executeScript: unknown }).executeScript = probe;
    await show({ url: 'https://www.example.com/news' });
    expect(probe).toHaveBeenCalledWith(7, { file: '/first-pass-probe.js', frameId: 0 });
    expect($('section[aria-labelledby="on-page-heading"]').textContent).toContain('No terms found on this page.');
  });

  it.each([
    ['the probe finds no first pass (a tab opened before the extension was installed)', async () => [{ frameId: 0, result: false }]],
    ['the probe cannot run there', async () => Promise.reject(new Error('Cannot access contents of the page'))],
  ])('asks the reader to reload a web page when %s', async (_name, executeScript) => {
    (fakeBrowser as unknown as { scripting: unknown }).scripting = { executeScript: vi.fn(executeScript) };
    await show({ url: 'https://www.example.com/news' });
    expect($('section[aria-labelledby="on-page-heading"]').textContent).toContain('Reload the page to look for terms');
  });

  it('turns itself off on this site and back on', async () => {
    await show({ url: 'https://www.example.com/news', terms: { terms: [] } });
    const [, offHere] = root.querySelectorAll<HTMLInputElement>('.toggles input[role="switch"]');
    expect(offHere.checked).toBe(false);
    await act(() => offHere.click());
    await settle();
    expect((await loadSettings()).disabledSites).toEqual(['example.com']);
    expect(root.textContent).toContain('Legal Lens is off on this site');
    await act(() => offHere.click());
    await settle();
    expect((await loadSettings()).disabledSites).toEqual([]);
  });

  it('turns itself off on a site with 400 others already off, and says so when it cannot (issue 10, defect 19)', async () => {
    enforceSyncQuota();
    await show({ url: 'https://www.example.com/news', terms: { terms: [] }, settings: { disabledSites: manySites(400) } });
    const [, offHere] = root.querySelectorAll<HTMLInputElement>('.toggles input[role="switch"]');
    await act(() => offHere.click());
    await settle();
    expect((await loadSettings()).disabledSites).toEqual([...manySites(400), 'example.com']);
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('');
    // the browser refuses the next write: the switch goes back and the reader is told
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    await act(() => offHere.click());
    await settle();
    expect(root.querySelector('[role="alert"]')?.textContent).toMatch(/not saved/);
    expect(offHere.checked).toBe(true);
    expect((await loadSettings()).disabledSites).toContain('example.com');
  });

  it('turns itself off everywhere', async () => {
    await show({ url: 'https://example.com/', terms: { terms: [] } });
    const [everywhere] = root.querySelectorAll<HTMLInputElement>('.toggles input[role="switch"]');
    await act(() => everywhere.click());
    await settle();
    expect((await loadSettings()).enabled).toBe(false);
  });

  it('opens the explainer of a search result in a new tab with Enter', async () => {
    await show({ url: 'https://example.com/', terms: { terms: [] } });
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    vi.spyOn(window, 'close').mockImplementation(() => {});
    const input = $<HTMLInputElement>('input[type="search"]');
    await act(() => {
      input.value = '287(g)';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => {
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    });
    await act(() => {
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    expect(create).toHaveBeenCalledWith({ url: 'chrome-extension://test-extension-id/explainer.html#287g' });
  });

  it('speaks Spanish when the setting or the browser says so', async () => {
    await show({ url: 'https://example.com/', terms: { terms: [] }, ui: 'es-MX' });
    expect($('#on-page-heading').textContent).toBe('En esta página');
    expect(document.documentElement.lang).toBe('es');
    expect(root.textContent).toContain('Información general, no es asesoría legal.');
  });

  async function type(text: string) {
    const input = $<HTMLInputElement>('input[type="search"]');
    await act(() => {
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
  }
  const options = () => [...root.querySelectorAll('[role="option"]')].map((o) => o.textContent);

  it('searches guides too, and offers the index when nothing fits', async () => {
    await show({ url: 'https://example.com/', terms: { terms: [] } });
    await type('287(g) explained');
    expect(options()[0]).toMatch(/^287\(g\) explainedGuide/);
    await type('zzzz');
    expect(options()).toEqual([]);
    expect($('[role="status"]').textContent).toBe('No term or guide matches this search.');
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    vi.spyOn(window, 'close').mockImplementation(() => {});
    const browse = $<HTMLAnchorElement>('.search-elsewhere a');
    expect(browse.textContent).toBe('Browse all terms and guides');
    await act(() => browse.click());
    expect(create).toHaveBeenCalledWith({ url: 'chrome-extension://test-extension-id/explainer.html' });
  });

  it('searches the words of the article bodies once they have loaded', async () => {
    let loaded!: (words: ReturnType<typeof bodyWordsOf>) => void;
    const words = new Promise<ReturnType<typeof bodyWordsOf>>((resolve) => (loaded = resolve));
    await show({ url: 'https://example.com/', terms: { terms: [] }, bodyWords: () => words });
    await type('under'); // only in the guide's body: "Under 287(g), local police…"
    expect(options()).toEqual([]);
    await act(async () => loaded(bodyWordsOf(articles)));
    await settle();
    expect(options()[0]).toMatch(/^287\(g\) explained/);
  });
});

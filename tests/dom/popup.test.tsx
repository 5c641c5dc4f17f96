// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup } from '@/entrypoints/popup/Popup';
import { loadSettings, saveSettings, type Settings } from '@/utils/settings';
import { cards } from './fixture-glossary';
import { enforceSyncQuota, manySites } from './support/sync-quota';

let root: HTMLElement;
const $ = <T extends Element = HTMLElement>(selector: string) => root.querySelector<T>(selector)!;

async function settle() {
  for (let i = 0; i < 6; i++) await act(() => new Promise((r) => setTimeout(r, 0)));
}

async function show({ url, terms, settings = {}, ui = 'en-US' }: { url: string; terms?: unknown; settings?: Partial<Settings>; ui?: string }) {
  // the fake browser has no window until one is made; the popup only needs the active tab
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7, url, index: 0, active: true }] as never);
  const send = vi.fn(async () => {
    if (terms === undefined) throw new Error('Could not establish connection. Receiving end does not exist.');
    return terms;
  });
  fakeBrowser.tabs.sendMessage = send as never;
  const initial = await saveSettings(settings);
  await act(() => render(<Popup cards={cards} initialSettings={initial} uiLanguage={ui} />, root));
  await settle();
  return send;
}

beforeEach(() => {
  fakeBrowser.reset();
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
});

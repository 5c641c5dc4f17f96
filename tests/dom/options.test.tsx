// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Options, parseSiteInput } from '@/entrypoints/options/Options';
import { CATEGORIES } from '@/glossary/runtime/categories';
import { DEFAULT_SETTINGS, loadSettings, saveSettings, storageItems, type Settings } from '@/utils/settings';
import { enforceSyncQuota, longSites, manySites } from './support/sync-quota';

let root: HTMLElement;
const $ = <T extends Element = HTMLInputElement>(selector: string) => root.querySelector<T>(selector)!;

async function show(settings: Partial<Settings> = {}) {
  const initial = await saveSettings(settings);
  await act(() => render(<Options initialSettings={initial} uiLanguage="en-US" />, root));
}
async function stored(): Promise<Settings> {
  return loadSettings();
}
/** Lets the save (storage reads and writes) finish, then the re-render. */
async function settle() {
  for (let i = 0; i < 5; i++) await act(() => new Promise((r) => setTimeout(r, 0)));
}
/** Whether `n` sites fit in sync storage's quota. */
function fits(n: number): boolean {
  try {
    storageItems({ ...DEFAULT_SETTINGS, disabledSites: longSites(n) });
    return true;
  } catch {
    return false;
  }
}
async function addSite(site: string) {
  const field = $('#add-site-input');
  await act(() => {
    field.value = site;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await act(() => $<HTMLFormElement>('form.add-site').requestSubmit());
  await settle();
}
async function click(el: HTMLElement) {
  await act(() => el.click());
  await settle();
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

describe('options page', () => {
  it('has a labelled control for every setting', async () => {
    await show();
    const labelled = (el: HTMLInputElement) => !!el.closest('label') || !!root.querySelector(`label[for="${el.id}"]`);
    for (const input of root.querySelectorAll<HTMLInputElement>('input')) expect(labelled(input), input.outerHTML).toBe(true);
    expect($('input[name="enabled"]').getAttribute('role')).toBe('switch');
    expect(root.querySelectorAll('input[name="highlightStyle"]')).toHaveLength(3);
    expect(root.querySelectorAll('input[name="language"]')).toHaveLength(3);
    expect(root.querySelectorAll('input[name="categories"]')).toHaveLength(CATEGORIES.length);
    expect([...root.querySelectorAll<HTMLInputElement>('input[name="categories"]')].every((c) => c.checked)).toBe(true);
    const range = $('input[type="range"]');
    expect([range.min, range.max, range.value]).toEqual(['150', '1000', '300']);
    expect(root.textContent).toContain('300 ms');
    expect(root.textContent).toContain('Alt+Shift+L');
    expect(root.textContent).toContain('chrome://extensions/shortcuts');
  });

  it('writes each change to storage at once and says "Saved"', async () => {
    await show();
    await click($('input[name="enabled"]'));
    expect((await stored()).enabled).toBe(false);
    expect($('[role="status"]').textContent).toBe('Saved');

    await click($('input[name="firstOnly"]'));
    expect((await stored()).firstOnly).toBe(true);

    await click($('input[name="highlightStyle"][value="background"]'));
    expect((await stored()).highlightStyle).toBe('background');

    await click($('input[name="categories"][value="profiling"]'));
    expect((await stored()).hiddenCategories).toEqual(['profiling']);
    await click($('input[name="categories"][value="court"]'));
    expect((await stored()).hiddenCategories).toEqual(['court', 'profiling']);
    await click($('input[name="categories"][value="profiling"]'));
    await click($('input[name="categories"][value="court"]'));
    expect((await stored()).hiddenCategories).toEqual([]);

    const range = $('input[type="range"]');
    await act(() => {
      range.value = '650';
      range.dispatchEvent(new Event('input', { bubbles: true }));
      range.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    expect((await stored()).hoverDelay).toBe(650);
    expect(root.querySelector('output')?.textContent).toBe('650 ms');
  });

  it('keeps every change of a quick series: categories turned off and on before the first save is back', async () => {
    await show();
    // no re-render and no storage answer between the clicks (a user, or a script, faster than the saves)
    $('input[name="categories"][value="profiling"]').click();
    $('input[name="categories"][value="court"]').click();
    await settle();
    expect((await stored()).hiddenCategories).toEqual(['court', 'profiling']);
    expect($('input[name="categories"][value="profiling"]').checked).toBe(false);
    expect($('input[name="categories"][value="court"]').checked).toBe(false);
    $('input[name="categories"][value="court"]').click();
    $('input[name="categories"][value="profiling"]').click();
    $('input[name="categories"][value="help"]').click();
    await settle();
    expect((await stored()).hiddenCategories).toEqual(['help']);
    expect(CATEGORIES.filter((c) => !$(`input[name="categories"][value="${c}"]`).checked)).toEqual(['help']);
  });

  it('switches its own language when the language setting changes', async () => {
    await show();
    await click($('input[name="language"][value="es"]'));
    expect((await stored()).language).toBe('es');
    expect(document.documentElement.lang).toBe('es');
    expect($<HTMLHeadingElement>('h1').textContent).toBe('Configuración de Legal Lens');
  });

  it('adds and removes disabled sites', async () => {
    await show({ disabledSites: ['example.org'] });
    const field = $('#add-site-input');
    await act(() => {
      field.value = 'https://www.News.Example.com/story?id=1';
      field.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => $<HTMLFormElement>('form.add-site').requestSubmit());
    await settle();
    expect((await stored()).disabledSites).toEqual(['example.org', 'news.example.com']);
    expect(field.value).toBe('');

    await click($<HTMLButtonElement>('button[aria-label="Remove example.org"]'));
    expect((await stored()).disabledSites).toEqual(['news.example.com']);
  });

  it('rejects something that is not a host name', async () => {
    await show();
    const field = $('#add-site-input');
    await act(() => {
      field.value = 'not a site!';
      field.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => $<HTMLFormElement>('form.add-site').requestSubmit());
    await settle();
    expect($('[role="alert"]').textContent).toContain('example.com');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect((await stored()).disabledSites).toEqual([]);
  });

  it('adds a site to a list of 400, past what one storage item holds (issue 10, defect 19)', async () => {
    enforceSyncQuota();
    await show({ disabledSites: manySites(400) });
    await addSite('news.example.com');
    expect((await stored()).disabledSites).toEqual([...manySites(400), 'news.example.com']);
    expect(root.querySelector('.save-error')?.textContent).toBe('');
    expect(root.querySelector('.save-status')?.textContent).toBe('Saved');
  });

  it('says when a change cannot be saved, and shows what is stored (issue 10, defect 19)', async () => {
    enforceSyncQuota();
    // as many sites as fit: the next one does not
    let n = 300;
    while (fits(n + 1)) n++;
    await show({ disabledSites: longSites(n) });
    expect(fits(n)).toBe(true);
    await addSite(longSites(n + 1)[n]);
    expect(root.querySelector('.save-error')?.textContent).toMatch(/not saved: the list of sites is too long/);
    expect((await stored()).disabledSites).toHaveLength(n);
    expect(root.querySelectorAll('.site-list li')).toHaveLength(n);
    // a refused write of another setting says so too, and the box shows the stored value again
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded'));
    await click($<HTMLInputElement>('input[name="firstOnly"]'));
    expect(set).toHaveBeenCalled();
    expect(root.querySelector('.save-error')?.textContent).toMatch(/the browser refused to store it/);
    expect($<HTMLInputElement>('input[name="firstOnly"]').checked).toBe(false);
  });

  it('shows changes made elsewhere (the popup)', async () => {
    await show();
    await act(async () => {
      await saveSettings({ disabledSites: ['elsewhere.example'] });
    });
    await settle();
    expect(root.querySelector('.site-list')?.textContent).toContain('elsewhere.example');
  });
});

describe('parseSiteInput', () => {
  it('accepts host names and URLs, and nothing else', () => {
    expect(parseSiteInput('Example.com')).toBe('example.com');
    expect(parseSiteInput('www.example.com/path')).toBe('example.com');
    expect(parseSiteInput('http://localhost:8080/x')).toBe('localhost:8080');
    expect(parseSiteInput('')).toBeNull();
    expect(parseSiteInput('chrome://extensions')).toBeNull();
    expect(parseSiteInput('-bad-.com')).toBeNull();
    expect(parseSiteInput('two words')).toBeNull();
  });
});

// Settings: defaults, validation field by field, corrupt storage, live changes; messages: validation and senders.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pickLang } from '@/components/card-strings';
import { LANGS } from '@/glossary/runtime/categories';
import { isOwnSender, parseMessage } from '@/utils/messages';
import {
  DEFAULT_SETTINGS, LANGUAGE_CHOICES, SETTINGS_KEY, SITES_KEY, SettingsSaveError, isActiveOn, isCategoryShown, loadSettings, parseSettings, saveSettings,
  setSiteDisabled, siteOf, watchSettings, writeCleanSettings,
} from '@/utils/settings';
import { enforceSyncQuota, manySites } from '../dom/support/sync-quota';

beforeEach(() => fakeBrowser.reset());

describe('settings', () => {
  it('starts from the defaults when nothing is stored', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it.each([
    ['a string', 'garbage'],
    ['a number', 42],
    ['null', null],
    ['an array', [1, 2, 3]],
  ])('falls back to the defaults when storage holds %s', async (_name, value) => {
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: value });
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps the valid fields and replaces only the corrupt ones', () => {
    const parsed = parseSettings({
      enabled: false,
      hoverDelay: 99999,
      highlightStyle: 'blink',
      hiddenCategories: 'remedies',
      disabledSites: ['example.com', 'example.com', '<script>'],
      language: 'es',
      firstOnly: 'yes',
    });
    expect(parsed).toEqual({
      ...DEFAULT_SETTINGS,
      enabled: false,
      language: 'es',
    });
  });

  it.each<[string, Record<string, unknown>]>([
    ['a hover delay that is not a whole number', { hoverDelay: 300.5 }],
    ['a hover delay that is not a number', { hoverDelay: NaN }],
    ['an endless hover delay', { hoverDelay: Infinity }],
    ['a hover delay below the least', { hoverDelay: 149 }],
    ['a hover delay as a string', { hoverDelay: '300' }],
    ['a site name longer than a host name can be', { disabledSites: [`${'a'.repeat(250)}.org`] }],
    ['a site with a path', { disabledSites: ['example.com/news'] }],
    ['a site list with a hole', { disabledSites: ['a.org', undefined] }],
    ['more sites than allowed', { disabledSites: Array.from({ length: 5001 }, (_, i) => `s${i}.org`) }],
    ['a category list with a number in it', { hiddenCategories: ['help', 7] }],
    ['more hidden categories than allowed', { hiddenCategories: Array(101).fill('help') }],
    ['a language the glossary does not have', { language: 'fr' }],
    ['a style as an object', { highlightStyle: { toString: () => 'underline' } }],
    ['on/off as a number', { enabled: 0 }],
  ])('falls back to the default for %s', (_name, stored) => {
    expect(parseSettings(stored)).toEqual(DEFAULT_SETTINGS);
  });

  it('takes the edge values that are allowed', () => {
    expect(parseSettings({ hoverDelay: 150 }).hoverDelay).toBe(150);
    expect(parseSettings({ hoverDelay: 1000 }).hoverDelay).toBe(1000);
    expect(parseSettings({ disabledSites: ['LOCALHOST:8080', 'a-b.c.d'] }).disabledSites).toEqual(['LOCALHOST:8080', 'a-b.c.d']);
  });

  it('keeps valid lists, without duplicates', () => {
    expect(parseSettings({ disabledSites: ['a.org', 'a.org', 'b.net:8080'] }).disabledSites).toEqual(['a.org', 'b.net:8080']);
    expect(parseSettings({ hiddenCategories: ['help', 'help'] }).hiddenCategories).toEqual(['help']);
  });

  it('keeps the known hidden categories, in the glossary\'s order, and drops ids no longer in the glossary', () => {
    expect(parseSettings({ hiddenCategories: ['help', 'retired-category', 'court'] }).hiddenCategories).toEqual(['court', 'help']);
  });
});

describe('categories: what is stored is what the user turned off', () => {
  const BEFORE_COURT = ['institutions', 'enforcement', 'profiling', 'remedies', 'delays', 'status', 'help'];

  it('shows a category added to the glossary later to a user who had saved their categories before', async () => {
    // stored by a version that kept the shown list, before `court` existed, with `help` turned off
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { categories: BEFORE_COURT.filter((c) => c !== 'help') } });
    const settings = await loadSettings();
    expect(settings.hiddenCategories).toEqual(['help']);
    expect(isCategoryShown(settings, 'court')).toBe(true);
    expect(isCategoryShown(settings, 'help')).toBe(false);
    // and any category the glossary gains from now on
    expect(isCategoryShown(settings, 'a-category-added-next-year')).toBe(true);
  });

  it.each([
    ['every category shown', BEFORE_COURT, []],
    ['two turned off', ['institutions', 'enforcement', 'remedies', 'delays', 'status'], ['profiling', 'help']],
    ['all turned off', [], BEFORE_COURT.filter((c) => c !== 'court')],
    ['a list with unknown ids', ['help', 'nonsense'], ['institutions', 'enforcement', 'profiling', 'remedies', 'delays', 'status']],
    ['a list holding a number (corrupt)', ['help', 42], []],
    ['court shown by a newer build', [...BEFORE_COURT, 'court'], []],
    ['not a list (corrupt)', 'all', []],
    ['null (corrupt)', null, []],
  ])('migrates a stored shown list (%s) field by field', (_name, categories, hidden) => {
    const parsed = parseSettings({ categories, firstOnly: true });
    expect(parsed.hiddenCategories).toEqual(hidden);
    expect(parsed.firstOnly).toBe(true);
    expect(parsed).not.toHaveProperty('categories');
  });

  it('prefers the new field when both are stored', () => {
    expect(parseSettings({ categories: [], hiddenCategories: ['delays'] }).hiddenCategories).toEqual(['delays']);
  });

  it('saves a patch and tells watchers in other pages', async () => {
    const seen = vi.fn();
    const stop = watchSettings(seen);
    await saveSettings({ firstOnly: true, hoverDelay: 500 });
    expect(await loadSettings()).toMatchObject({ firstOnly: true, hoverDelay: 500, enabled: true });
    expect(seen).toHaveBeenCalledWith(expect.objectContaining({ firstOnly: true, hoverDelay: 500 }));
    stop();
  });

  it('rejects an out-of-range patch by keeping the old value', async () => {
    await saveSettings({ hoverDelay: 400 });
    await saveSettings({ hoverDelay: 10 });
    expect((await loadSettings()).hoverDelay).toBe(400);
  });

  it('knows where it is active', () => {
    const s = { ...DEFAULT_SETTINGS, disabledSites: ['news.example'] };
    expect(siteOf('https://www.news.example/a')).toBe('news.example');
    expect(siteOf('chrome://extensions')).toBeNull();
    expect(isActiveOn(s, 'https://news.example/page')).toBe(false);
    expect(isActiveOn(s, 'https://other.example/page')).toBe(true);
    expect(isActiveOn({ ...s, enabled: false }, 'https://other.example/page')).toBe(false);
  });
});

describe('saving within sync storage\'s quota, one save at a time (issue 10, defect 19)', () => {
  let setItems: ReturnType<typeof enforceSyncQuota>;
  beforeEach(() => {
    setItems = enforceSyncQuota();
  });

  it('saves 1,000 disabled sites, past the 8 KB one item may hold, and reads them back', async () => {
    const sites = manySites(1000);
    await saveSettings({ disabledSites: sites });
    expect((await loadSettings()).disabledSites).toEqual(sites);
    // and any other setting still saves with them stored
    await saveSettings({ hoverDelay: 500 });
    expect(await loadSettings()).toMatchObject({ hoverDelay: 500, disabledSites: sites });
  });

  it('reads them in one request that names no keys (every frame reads the settings at start-up)', async () => {
    await saveSettings({ disabledSites: manySites(1000), hoverDelay: 500 });
    const get = vi.spyOn(fakeBrowser.storage.sync, 'get');
    expect(await loadSettings()).toMatchObject({ hoverDelay: 500 });
    expect(get.mock.calls).toEqual([[null]]);
  });

  it('refuses a list too long for the whole quota with a clear error, and keeps what was stored', async () => {
    await saveSettings({ disabledSites: ['kept.example'], firstOnly: true });
    const error = await saveSettings({ disabledSites: manySites(5000) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SettingsSaveError);
    expect((error as SettingsSaveError).reason).toBe('too-many-sites');
    expect(await loadSettings()).toMatchObject({ disabledSites: ['kept.example'], firstOnly: true });
  });

  it('rejects with a storage error when the browser refuses the write, and keeps what was stored', async () => {
    await saveSettings({ hoverDelay: 400 });
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded'));
    const error = await saveSettings({ hoverDelay: 600 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'SettingsSaveError', reason: 'storage' });
    expect((await loadSettings()).hoverDelay).toBe(400);
  });

  it('two saves at once both land', async () => {
    await Promise.all([saveSettings({ hoverDelay: 500 }), saveSettings({ firstOnly: true }), setSiteDisabled('a.example', true), setSiteDisabled('b.example', true)]);
    expect(await loadSettings()).toMatchObject({ hoverDelay: 500, firstOnly: true, disabledSites: ['a.example', 'b.example'] });
  });

  it('a site turned off in one page and a setting changed in another do not overwrite each other', async () => {
    // what the popup and the options page each write: only the items of the fields they change
    await saveSettings({});
    const before = setItems.mock.calls.length;
    await setSiteDisabled('news.example', true);
    await saveSettings({ hoverDelay: 700 });
    const written = setItems.mock.calls.slice(before).map(([items]) => Object.keys(items as object).sort());
    expect(written).toEqual([[SITES_KEY, `${SITES_KEY}.0`], [SETTINGS_KEY]]);
  });

  it('drops the items of a longer list it saved before', async () => {
    await saveSettings({ disabledSites: manySites(1000) });
    await saveSettings({ disabledSites: ['one.example'] });
    const all = await fakeBrowser.storage.sync.get(null);
    expect(Object.keys(all).filter((k) => k.startsWith(SITES_KEY)).sort()).toEqual([SITES_KEY, `${SITES_KEY}.0`]);
    expect((await loadSettings()).disabledSites).toEqual(['one.example']);
  });

  it('reads a list stored the old way, inside the settings item, and moves it out when cleaning up', async () => {
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, disabledSites: ['old.example'], hoverDelay: 450 } });
    expect(await loadSettings()).toMatchObject({ disabledSites: ['old.example'], hoverDelay: 450 });
    await writeCleanSettings();
    const all = await fakeBrowser.storage.sync.get(null);
    expect(all[SETTINGS_KEY]).not.toHaveProperty('disabledSites');
    expect(all[`${SITES_KEY}.0`]).toEqual(['old.example']);
    expect(await loadSettings()).toMatchObject({ disabledSites: ['old.example'], hoverDelay: 450 });
  });

  it('tells watchers the whole settings when only the site list changed', async () => {
    await saveSettings({ hoverDelay: 800 });
    const seen = vi.fn();
    const stop = watchSettings(seen);
    await setSiteDisabled('news.example', true);
    await vi.waitFor(() => expect(seen).toHaveBeenCalledWith(expect.objectContaining({ hoverDelay: 800, disabledSites: ['news.example'] })));
    stop();
  });
});

describe('the language a card or page is shown in', () => {
  it.each([
    ['page', 'es', 'es'],
    ['page', 'es-MX', 'es'],
    ['page', ' ES_us ', 'es'],
    ['page', 'en-GB', 'en'],
    ['page', 'fr', 'en'],
    ['page', 'estonian-made-up', 'en'],
    ['page', '', 'en'],
    ['page', null, 'en'],
    ['es', 'en-US', 'es'],
    ['en', 'es', 'en'],
  ] as const)('choice %s with page language %j → %s', (choice, page, expected) => {
    expect(pickLang(choice, page)).toBe(expected);
  });

  it('offers "page" and every glossary language', () => {
    expect(LANGUAGE_CHOICES).toEqual(['page', ...LANGS]);
  });
});

describe('messages', () => {
  it.each([
    [{ type: 'legal-lens:page-terms' }, true],
    [{ type: 'legal-lens:get-cards', ids: ['287g', 'writ-of-mandamus'] }, true],
    [{ type: 'legal-lens:open-explainer', id: 'tps', lang: 'es' }, true],
    [{ type: 'legal-lens:open-explainer', id: '../../etc' }, false],
    [{ type: 'legal-lens:get-cards', ids: Array(50).fill('tps') }, false],
    [{ type: 'legal-lens:open-explainer', id: 'tps', lang: 'fr' }, false],
    [{ type: 'something-else' }, false],
    ['legal-lens:page-terms', false],
    [null, false],
    [[], false],
    [{ type: 'legal-lens:get-cards' }, false],
    [{ type: 'legal-lens:get-cards', ids: 'tps' }, false],
    [{ type: 'legal-lens:get-cards', ids: ['tps', 7] }, false],
    [{ type: 'legal-lens:get-cards', ids: ['Tps'] }, false],
    [{ type: 'legal-lens:get-cards', ids: ['tps-'] }, false],
    [{ type: 'legal-lens:get-cards', ids: [`a${'-b'.repeat(40)}`] }, false],
    [{ type: 'legal-lens:get-cards', ids: Array(20).fill('tps') }, true],
    [{ type: 'legal-lens:open-explainer' }, false],
    [{ type: 'legal-lens:open-explainer', id: 'tps', lang: null }, false],
    [{ type: 'legal-lens:open-explainer', id: 'tps', lang: undefined }, true],
    [{ type: 'legal-lens:load-card-ui' }, true],
    [{ type: 'legal-lens:load-highlighter' }, true],
    [{ type: 'legal-lens:screen-text', text: 'ICE' }, true],
    [{ type: 'legal-lens:screen-text', text: 'ICE', imports: true }, true],
    [{ type: 'legal-lens:screen-text', text: 'ICE', imports: false }, false],
    [{ type: 'legal-lens:screen-text', text: 'ICE', imports: 'yes' }, false],
    [{ type: 'legal-lens:screen-text', imports: true }, false],
    [{ type: 'legal-lens:page-stats' }, true],
    [{ type: 'legal-lens:focus-card' }, true],
    [{ type: 'legal-lens:glossary-filter' }, true],
    [{ type: 'legal-lens:glossary-heads', heads: ['ice', 'writ of'] }, true],
    [{ type: 'legal-lens:glossary-heads', heads: [] }, true],
    [{ type: 'legal-lens:glossary-heads' }, false],
    [{ type: 'legal-lens:glossary-heads', heads: 'ice' }, false],
    [{ type: 'legal-lens:glossary-heads', heads: [''] }, false],
    [{ type: 'legal-lens:glossary-heads', heads: ['a\u0000b'] }, false],
    [{ type: 'legal-lens:glossary-heads', heads: ['x'.repeat(201)] }, false],
    [{ type: 'legal-lens:glossary-heads', heads: Array(1001).fill('ice') }, false],
  ])('validates %j', (raw, ok) => {
    expect(parseMessage(raw) !== null).toBe(ok);
  });

  it('passes on only the fields it knows', () => {
    expect(parseMessage({ type: 'legal-lens:get-cards', ids: ['tps'], extra: { deep: true } })).toEqual({ type: 'legal-lens:get-cards', ids: ['tps'] });
    expect(parseMessage({ type: 'legal-lens:focus-card', extra: 1 })).toEqual({ type: 'legal-lens:focus-card' });
    expect(parseMessage({ type: 'legal-lens:screen-text', text: 'ICE', imports: true, extra: 1 })).toEqual({ type: 'legal-lens:screen-text', text: 'ICE', imports: true });
    expect(parseMessage({ type: 'legal-lens:open-explainer', id: 'tps', lang: 'es', extra: 1 })).toEqual({ type: 'legal-lens:open-explainer', id: 'tps', lang: 'es' });
  });

  it('accepts only its own extension as a sender', () => {
    expect(isOwnSender({ id: 'abc' }, 'abc')).toBe(true);
    expect(isOwnSender({ id: 'other' }, 'abc')).toBe(false);
    expect(isOwnSender({}, 'abc')).toBe(false);
  });
});

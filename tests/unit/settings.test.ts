// Settings: defaults, validation field by field, corrupt storage, live changes; messages: validation and senders.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isOwnSender, parseMessage } from '@/utils/messages';
import {
  DEFAULT_SETTINGS, SETTINGS_KEY, isActiveOn, loadSettings, parseSettings, saveSettings, siteOf, watchSettings,
} from '@/utils/settings';

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
      categories: ['remedies', 'nonsense'],
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

  it('keeps valid lists, without duplicates', () => {
    expect(parseSettings({ disabledSites: ['a.org', 'a.org', 'b.net:8080'] }).disabledSites).toEqual(['a.org', 'b.net:8080']);
    expect(parseSettings({ categories: ['help', 'help'] }).categories).toEqual(['help']);
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
  ])('validates %j', (raw, ok) => {
    expect(parseMessage(raw) !== null).toBe(ok);
  });

  it('accepts only its own extension as a sender', () => {
    expect(isOwnSender({ id: 'abc' }, 'abc')).toBe(true);
    expect(isOwnSender({ id: 'other' }, 'abc')).toBe(false);
    expect(isOwnSender({}, 'abc')).toBe(false);
  });
});

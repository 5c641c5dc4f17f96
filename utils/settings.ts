// User settings: schema, defaults, reading and writing `storage.sync`. Corrupt or partial stored values
// never break anything: each field that fails validation falls back to its default, the rest are kept.
//
// Storage layout. Browser sync storage allows 8,192 bytes per item and 102,400 in all (Chrome's and Firefox's
// storage.sync quotas; an item's size is its key's length plus its value as JSON). So what grows, the list of sites
// the user turned Legal Lens off for, is stored apart from the rest and split into items that each fit:
//   settings              every other field (a small object)
//   disabledSites         how many items the site list is split into (n)
//   disabledSites.0 … n-1 the sites, in order
// A save checks sizes before it writes, writes only the items of the fields it changes (so a save in the popup and
// one in the options page do not overwrite each other's fields), and waits for the saves before it in the same page
// (so two saves at once cannot lose one). A save that cannot be done rejects with a SettingsSaveError and leaves
// what was stored as it was: the pages show the user that it failed.
import { browser } from 'wxt/browser';
import { CATEGORIES, LANGS, type Category } from '@/glossary/runtime/categories';
import { INVALID, integerIn, isBoolean, isString, listOf, oneOf, passes, stringMatching, type Check } from './validate';

export const HIGHLIGHT_STYLES = ['underline', 'background', 'none'] as const;
/** "page": the page's language; else one of the glossary's languages. */
export const LANGUAGE_CHOICES = ['page', ...LANGS] as const;
export const HOVER_DELAY = { min: 150, max: 1000, default: 300 } as const;

export interface Settings {
  enabled: boolean;
  disabledSites: string[];
  highlightStyle: (typeof HIGHLIGHT_STYLES)[number];
  firstOnly: boolean;
  /**
   * Categories the user turned off. What is stored is what was turned off, not what is shown, so a category
   * added to the glossary later shows for every user until they turn it off.
   */
  hiddenCategories: Category[];
  hoverDelay: number;
  language: (typeof LANGUAGE_CHOICES)[number];
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enabled: true,
  disabledSites: [],
  highlightStyle: 'underline',
  firstOnly: false,
  hiddenCategories: [],
  hoverDelay: HOVER_DELAY.default,
  language: 'page',
});

/** A site key as siteOf makes it: a host name, perhaps with a port. */
const host = stringMatching(/^[a-z0-9.-]+(:\d+)?$/i, 253);
const shownAsHidden = listOf(isString, 100);
/** How each stored field is checked; a field that fails keeps its default (parseSettings). */
const FIELDS: { [K in keyof Settings]: Check<Settings[K]> } = {
  enabled: isBoolean,
  disabledSites: listOf(host, 5000),
  highlightStyle: oneOf(HIGHLIGHT_STYLES),
  firstOnly: isBoolean,
  hiddenCategories: (value) => {
    const ids = shownAsHidden(value);
    return ids === INVALID ? INVALID : knownCategories(ids);
  },
  hoverDelay: integerIn(HOVER_DELAY.min, HOVER_DELAY.max),
  language: oneOf(LANGUAGE_CHOICES),
};

export const SETTINGS_KEY = 'settings';
/** How many items the site list is split into; the items are `${SITES_KEY}.0`, `${SITES_KEY}.1`, … */
export const SITES_KEY = 'disabledSites';
const siteKey = (i: number) => `${SITES_KEY}.${i}`;

/** storage.sync's quotas (the same in Chrome and Firefox), in bytes. */
export const SYNC_QUOTA = { perItem: 8192, total: 102_400, maxItems: 512 } as const;
/** What one item of the site list may take (below the per-item quota, for the browser's own rounding). */
const SITES_ITEM_BYTES = SYNC_QUOTA.perItem - 192;
/** What the whole site list may take: the total quota less room for the other settings. */
export const SITES_BUDGET_BYTES = SYNC_QUOTA.total - 8192;

/** Known category ids among `ids`, in the glossary's order (ids of categories since removed are dropped). */
function knownCategories(ids: string[]): Category[] {
  return CATEGORIES.filter((c) => ids.includes(c));
}

/**
 * Until settings stored `hiddenCategories`, they stored `categories`: the categories shown, out of these. A stored
 * list is turned into what the user hid from these; a category added since (such as `court`) is not among them,
 * so it shows.
 */
const CATEGORIES_BEFORE_HIDDEN_LIST = ['institutions', 'enforcement', 'profiling', 'remedies', 'delays', 'status', 'help'];
const legacyShownCategories = listOf(isString, Infinity);

/** The hidden categories that a stored `categories` (shown) list means, or undefined when it is not a list. */
function migrateShownCategories(shown: unknown): Category[] | undefined {
  const parsed = legacyShownCategories(shown);
  if (parsed === INVALID) return undefined;
  return knownCategories(CATEGORIES_BEFORE_HIDDEN_LIST.filter((c) => !parsed.includes(c)));
}

/** Reads whatever is stored and returns valid settings: bad fields keep `base` (the defaults unless given). */
export function parseSettings(raw: unknown, base: Readonly<Settings> = DEFAULT_SETTINGS): Settings {
  const out: Settings = { ...base, hiddenCategories: [...base.hiddenCategories], disabledSites: [...base.disabledSites] };
  if (!raw || typeof raw !== 'object') return out;
  const stored = raw as Record<string, unknown>;
  for (const key of Object.keys(FIELDS) as (keyof Settings)[]) {
    const value = stored[key];
    if (value === undefined) continue;
    const parsed = FIELDS[key](value);
    if (parsed === INVALID) continue;
    (out as unknown as Record<string, unknown>)[key] = Array.isArray(parsed) ? [...new Set(parsed)] : parsed;
  }
  if (stored.hiddenCategories === undefined && stored.categories !== undefined) {
    out.hiddenCategories = migrateShownCategories(stored.categories) ?? out.hiddenCategories;
  }
  return out;
}

/** Whether terms of `category` are marked: every category is, unless the user turned it off. */
export function isCategoryShown(settings: Settings, category: string): boolean {
  return !(settings.hiddenCategories as string[]).includes(category);
}

/** Why a save failed: the site list would not fit in sync storage, or the browser refused the write. */
export class SettingsSaveError extends Error {
  constructor(
    readonly reason: 'too-many-sites' | 'storage',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SettingsSaveError';
  }
}

/** An item's size as storage.sync counts it: its key plus its value as JSON, in UTF-8 bytes. */
function itemBytes(key: string, value: unknown): number {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}

/**
 * The storage items for `settings` (see the layout at the top). `fields` says which are written: the small object,
 * the site list, or both. Throws SettingsSaveError('too-many-sites') when the site list does not fit.
 */
export function storageItems(settings: Settings, fields: { small?: boolean; sites?: boolean } = { small: true, sites: true }): Record<string, unknown> {
  const items: Record<string, unknown> = {};
  if (fields.small) {
    const { disabledSites: _sites, ...small } = settings;
    items[SETTINGS_KEY] = small;
  }
  if (fields.sites) {
    const encoder = new TextEncoder();
    const chunks: string[][] = [];
    let chunk: string[] = [];
    let chunkBytes = 0; // the chunk's item size as storage counts it: key + "[" + sites as JSON, comma-separated + "]"
    let total = 0;
    const flush = () => {
      if (!chunk.length) return;
      total += chunkBytes;
      chunks.push(chunk);
      chunk = [];
    };
    for (const site of settings.disabledSites) {
      const siteBytes = encoder.encode(JSON.stringify(site)).length;
      if (chunk.length && chunkBytes + 1 + siteBytes > SITES_ITEM_BYTES) flush();
      if (!chunk.length) chunkBytes = encoder.encode(siteKey(chunks.length)).length + 2 + siteBytes;
      else chunkBytes += 1 + siteBytes;
      chunk.push(site);
    }
    flush();
    total += itemBytes(SITES_KEY, chunks.length);
    if (total > SITES_BUDGET_BYTES || chunks.length + 1 > SYNC_QUOTA.maxItems - 8) {
      throw new SettingsSaveError('too-many-sites', `The list of sites is too long for browser sync storage (${total} bytes of ${SITES_BUDGET_BYTES}).`);
    }
    items[SITES_KEY] = chunks.length;
    chunks.forEach((list, i) => (items[siteKey(i)] = list));
  }
  return items;
}

/** Settings from the stored items (see the layout); a list stored the old way, inside `settings`, still counts. */
export function settingsFromStorage(items: Record<string, unknown>): Settings {
  const small = items[SETTINGS_KEY];
  const count = items[SITES_KEY];
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) return parseSettings(small);
  const sites: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const list = items[siteKey(i)];
    if (Array.isArray(list)) sites.push(...list);
  }
  const base = parseSettings(small && typeof small === 'object' ? { ...(small as object), disabledSites: undefined } : undefined);
  return parseSettings({ disabledSites: sites.filter((s) => passes(host, s)) }, base);
}

/**
 * Every item of the extension's sync storage, which holds only the settings' layout: one request with no key
 * list (every frame with a term reads it when its highlighter starts; a list of the 514 keys the quota allows cost each
 * frame about a millisecond to build, send and answer).
 */
async function readStorage(): Promise<Record<string, unknown>> {
  return browser.storage.sync.get(null);
}

export async function loadSettings(): Promise<Settings> {
  try {
    return settingsFromStorage(await readStorage());
  } catch {
    return parseSettings(undefined);
  }
}

/** Saves in this page wait for the ones before them. */
let saving: Promise<unknown> = Promise.resolve();

/**
 * Applies `change` to the settings as stored when this save's turn comes (saves in one page run one at a time),
 * validates the result field by field, checks it fits, and writes the items of the fields that changed. Resolves to
 * the saved settings; rejects with SettingsSaveError (nothing is written) when it cannot be saved.
 */
export function updateSettings(change: (current: Settings) => Partial<Settings>, { rewrite = false } = {}): Promise<Settings> {
  const run = async (): Promise<Settings> => {
    let stored: Record<string, unknown>;
    try {
      stored = await readStorage();
    } catch (cause) {
      throw new SettingsSaveError('storage', 'Browser storage could not be read.', { cause });
    }
    const current = settingsFromStorage(stored);
    const patch = change(current);
    const next = parseSettings(patch, current);
    const legacy = typeof stored[SITES_KEY] !== 'number';
    const sites = rewrite || legacy || next.disabledSites.join('\n') !== current.disabledSites.join('\n');
    const small = rewrite || legacy || Object.keys(patch).some((k) => k !== 'disabledSites');
    const items = storageItems(next, { small, sites });
    const oldCount = typeof stored[SITES_KEY] === 'number' ? (stored[SITES_KEY] as number) : 0;
    try {
      await browser.storage.sync.set(items);
    } catch (cause) {
      throw new SettingsSaveError('storage', `The browser did not save the settings: ${String((cause as Error)?.message ?? cause)}`, { cause });
    }
    // items of a longer list saved before are no longer read (the count says how many are); tidy them away
    const newCount = typeof items[SITES_KEY] === 'number' ? (items[SITES_KEY] as number) : oldCount;
    const stale = Array.from({ length: Math.max(0, oldCount - newCount) }, (_, i) => siteKey(newCount + i));
    if (stale.length) await browser.storage.sync.remove(stale).catch(() => {});
    return next;
  };
  const result = saving.then(run, run);
  saving = result.catch(() => {});
  return result;
}

export function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  return updateSettings(() => patch);
}

/** Adds or removes one site of the "off on these sites" list, against the list as stored when the save runs. */
export function setSiteDisabled(site: string, off: boolean): Promise<Settings> {
  return updateSettings((current) => {
    const others = current.disabledSites.filter((s) => s !== site);
    return { disabledSites: off ? [...others, site] : others };
  });
}

/**
 * Writes back a clean copy of what is stored (for the background at install and update): new defaults filled in,
 * fields that no longer validate dropped, a site list stored the old way moved to its own items.
 */
export async function writeCleanSettings(): Promise<void> {
  await updateSettings(() => ({}), { rewrite: true });
}

/** Calls `listener` with fresh settings whenever they change in any tab or page. Returns an unsubscribe. */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  let reading: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'sync' || !Object.keys(changes).some((k) => k === SETTINGS_KEY || k === SITES_KEY || k.startsWith(`${SITES_KEY}.`))) return;
    // the items of one save arrive as one change; read them all, in order, so the listener sees whole settings
    reading = reading.then(async () => {
      const settings = await loadSettings();
      if (!stopped) listener(settings);
    });
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => {
    stopped = true;
    browser.storage.onChanged.removeListener(onChanged);
  };
}

/** The site key for "off on this site": the page's host name, without a leading "www.". */
export function siteOf(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.host.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

export function isActiveOn(settings: Settings, url: string): boolean {
  if (!settings.enabled) return false;
  const site = siteOf(url);
  return !site || !settings.disabledSites.includes(site);
}

// User settings: schema, defaults, reading and writing `storage.sync`. Corrupt or partial stored values
// never break anything: each field that fails validation falls back to its default, the rest are kept.
import { browser } from 'wxt/browser';
import * as v from 'valibot';
import { CATEGORIES, LANGS, type Category } from '@/glossary/runtime/categories';

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

const host = v.pipe(v.string(), v.regex(/^[a-z0-9.-]+(:\d+)?$/i), v.maxLength(253));
const FIELDS = {
  enabled: v.boolean(),
  disabledSites: v.pipe(v.array(host), v.maxLength(5000)),
  highlightStyle: v.picklist(HIGHLIGHT_STYLES),
  firstOnly: v.boolean(),
  hiddenCategories: v.pipe(v.array(v.string()), v.maxLength(100), v.transform(knownCategories)),
  hoverDelay: v.pipe(v.number(), v.integer(), v.minValue(HOVER_DELAY.min), v.maxValue(HOVER_DELAY.max)),
  language: v.picklist(LANGUAGE_CHOICES),
} satisfies { [K in keyof Settings]: v.GenericSchema };

export const SETTINGS_KEY = 'settings';

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
const legacyShownCategories = v.array(v.string());

/** The hidden categories that a stored `categories` (shown) list means, or undefined when it is not a list. */
function migrateShownCategories(shown: unknown): Category[] | undefined {
  const parsed = v.safeParse(legacyShownCategories, shown);
  if (!parsed.success) return undefined;
  return knownCategories(CATEGORIES_BEFORE_HIDDEN_LIST.filter((c) => !parsed.output.includes(c)));
}

/** Reads whatever is stored and returns valid settings: bad fields keep `base` (the defaults unless given). */
export function parseSettings(raw: unknown, base: Readonly<Settings> = DEFAULT_SETTINGS): Settings {
  const out: Settings = { ...base, hiddenCategories: [...base.hiddenCategories], disabledSites: [...base.disabledSites] };
  if (!raw || typeof raw !== 'object') return out;
  const stored = raw as Record<string, unknown>;
  for (const key of Object.keys(FIELDS) as (keyof Settings)[]) {
    const value = stored[key];
    if (value === undefined) continue;
    const parsed = v.safeParse(FIELDS[key], value);
    if (!parsed.success) continue;
    (out as unknown as Record<string, unknown>)[key] = Array.isArray(parsed.output) ? [...new Set(parsed.output)] : parsed.output;
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

export async function loadSettings(): Promise<Settings> {
  try {
    const stored = await browser.storage.sync.get(SETTINGS_KEY);
    return parseSettings(stored[SETTINGS_KEY]);
  } catch {
    return parseSettings(undefined);
  }
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = parseSettings(patch, await loadSettings());
  await browser.storage.sync.set({ [SETTINGS_KEY]: next });
  return next;
}

/** Calls `listener` with fresh settings whenever they change in any tab or page. Returns an unsubscribe. */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'sync' && SETTINGS_KEY in changes) listener(parseSettings(changes[SETTINGS_KEY].newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
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

// User settings: schema, defaults, reading and writing `storage.sync`. Corrupt or partial stored values
// never break anything: each field that fails validation falls back to its default, the rest are kept.
import { browser } from 'wxt/browser';
import * as v from 'valibot';
import { CATEGORIES } from '@/glossary/runtime/categories';

export const CATEGORY_IDS = CATEGORIES;
export const HIGHLIGHT_STYLES = ['underline', 'background', 'none'] as const;
export const LANGUAGE_CHOICES = ['page', 'en', 'es'] as const;
export const HOVER_DELAY = { min: 150, max: 1000, default: 300 } as const;

export interface Settings {
  enabled: boolean;
  disabledSites: string[];
  highlightStyle: (typeof HIGHLIGHT_STYLES)[number];
  firstOnly: boolean;
  categories: (typeof CATEGORY_IDS)[number][];
  hoverDelay: number;
  language: (typeof LANGUAGE_CHOICES)[number];
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enabled: true,
  disabledSites: [],
  highlightStyle: 'underline',
  firstOnly: false,
  categories: [...CATEGORY_IDS],
  hoverDelay: HOVER_DELAY.default,
  language: 'page',
});

const host = v.pipe(v.string(), v.regex(/^[a-z0-9.-]+(:\d+)?$/i), v.maxLength(253));
const FIELDS = {
  enabled: v.boolean(),
  disabledSites: v.pipe(v.array(host), v.maxLength(5000)),
  highlightStyle: v.picklist(HIGHLIGHT_STYLES),
  firstOnly: v.boolean(),
  categories: v.array(v.picklist(CATEGORY_IDS)),
  hoverDelay: v.pipe(v.number(), v.integer(), v.minValue(HOVER_DELAY.min), v.maxValue(HOVER_DELAY.max)),
  language: v.picklist(LANGUAGE_CHOICES),
} satisfies { [K in keyof Settings]: v.GenericSchema };

export const SETTINGS_KEY = 'settings';

/** Reads whatever is stored and returns valid settings: bad fields keep `base` (the defaults unless given). */
export function parseSettings(raw: unknown, base: Readonly<Settings> = DEFAULT_SETTINGS): Settings {
  const out = { ...base, categories: [...base.categories], disabledSites: [...base.disabledSites] } as Settings;
  if (!raw || typeof raw !== 'object') return out;
  for (const key of Object.keys(FIELDS) as (keyof Settings)[]) {
    const value = (raw as Record<string, unknown>)[key];
    if (value === undefined) continue;
    const parsed = v.safeParse(FIELDS[key], value);
    if (!parsed.success) continue;
    (out as unknown as Record<string, unknown>)[key] = Array.isArray(parsed.output) ? [...new Set(parsed.output)] : parsed.output;
  }
  return out;
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

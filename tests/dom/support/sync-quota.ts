// A stand-in for the quotas browsers enforce on storage.sync (Chrome and Firefox alike): 8,192 bytes per item
// (its key plus its value as JSON), 102,400 in all, 512 items. The fake browser of WXT enforces none; with this,
// a write over quota rejects as a browser's does, and nothing of it is stored.
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

export const QUOTA = { perItem: 8192, total: 102_400, maxItems: 512 };
const bytes = (key: string, value: unknown) => new TextEncoder().encode(key + JSON.stringify(value)).length;

/** Makes fakeBrowser.storage.sync.set enforce the quotas (until mocks are restored). Returns the set() spy. */
export function enforceSyncQuota() {
  const sync = fakeBrowser.storage.sync;
  const set = sync.set.bind(sync);
  return vi.spyOn(sync, 'set').mockImplementation(async (items: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(items)) {
      if (bytes(key, value) > QUOTA.perItem) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
    }
    const all = { ...(await sync.get(null)), ...items };
    if (Object.keys(all).length > QUOTA.maxItems) throw new Error('MAX_ITEMS quota exceeded');
    if (Object.entries(all).reduce((n, [k, v]) => n + bytes(k, v), 0) > QUOTA.total) throw new Error('QUOTA_BYTES quota exceeded');
    return set(items);
  });
}

/** `n` distinct host names of about the length real ones have (20–30 characters). */
export function manySites(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `site-${i}.news-example.org`);
}

/** `n` distinct host names of 200 characters, the longest kind: fewer of them fill the quota. */
export function longSites(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.site-${String(i).padStart(5, '0')}.org`);
}

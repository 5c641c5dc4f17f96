// Typed messages between the popup, the background and content scripts. Every message is validated on
// arrival; anything else (or anything from another extension or a web page) is ignored.
import { LANGS, type Lang } from '@/glossary/runtime/categories';
import { INVALID, listOf, oneOf, stringMatching } from './validate';

/** A glossary id: lowercase kebab-case, as the compiler allows (no dots, no slashes: never a path). */
const termId = stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/, 80);
const termIds = listOf(termId, 20);
const lang = oneOf(LANGS);

export type Message =
  | { type: 'legal-lens:page-terms' }
  | { type: 'legal-lens:focus-card' }
  | { type: 'legal-lens:load-card-ui' }
  | { type: 'legal-lens:page-stats' }
  | { type: 'legal-lens:get-cards'; ids: string[] }
  | { type: 'legal-lens:open-explainer'; id: string; lang?: Lang };

const WITHOUT_FIELDS = new Set(['legal-lens:page-terms', 'legal-lens:focus-card', 'legal-lens:load-card-ui', 'legal-lens:page-stats']);

/** One term found on a page, for the popup's "On this page" list. */
export interface PageTerm {
  id: string;
  count: number;
}
export interface PageTermsResponse {
  terms: PageTerm[];
}

/**
 * What the first full scan of a page cost, for `npm run bench` (asked over the extension's own messaging, so
 * nothing of it is visible to the page): main-thread ms of start-up (compiling the matcher), of the scan and
 * of its longest slice, the matches painted, and when painting ended (the page's performance.now(), ms).
 * Null until the first scan is painted.
 */
export type PageStatsResponse = { startupMs: number; busyMs: number; longestSliceMs: number; matches: number; paintedAt: number } | null;

/** The message `raw` is, with only the fields it has, or null for anything that is not one of ours. */
export function parseMessage(raw: unknown): Message | null {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const fields = raw as Record<string, unknown>;
  const type = fields.type;
  if (typeof type !== 'string') return null;
  if (WITHOUT_FIELDS.has(type)) return { type } as Message;
  if (type === 'legal-lens:get-cards') {
    const ids = termIds(fields.ids);
    return ids === INVALID ? null : { type, ids };
  }
  if (type === 'legal-lens:open-explainer') {
    const id = termId(fields.id);
    if (id === INVALID) return null;
    if (fields.lang === undefined) return { type, id };
    const chosen = lang(fields.lang);
    return chosen === INVALID ? null : { type, id, lang: chosen };
  }
  return null;
}

/** True when a message comes from this extension itself (not another extension, not a web page). */
export function isOwnSender(sender: { id?: string }, ownId: string): boolean {
  return sender.id === ownId;
}

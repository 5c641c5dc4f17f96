// Typed messages between the popup, the background and content scripts. Every message is validated on
// arrival; anything else (or anything from another extension or a web page) is ignored.
import { LANGS, type Lang } from '@/glossary/runtime/categories';
import { MAX_HEAD_LENGTH, MAX_HEADS_PER_MESSAGE } from '@/glossary/runtime/heads';
import { INVALID, listOf, oneOf, stringMatching } from './validate';

/** A glossary id: lowercase kebab-case, as the compiler allows (no dots, no slashes: never a path). */
const termId = stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/, 80);
const termIds = listOf(termId, 20);
const lang = oneOf(LANGS);
/** A head (glossary/runtime/heads.ts): one to three folded words, with no control character. */
const heads = listOf(stringMatching(/^[^\0-\x1f]+$/, MAX_HEAD_LENGTH), MAX_HEADS_PER_MESSAGE);
/** The most characters of a frame's text one "screen-text" message carries (the first pass sends longer text in pieces). */
export const MAX_SCREEN_TEXT = 1_000_000;

export type Message =
  | { type: 'legal-lens:page-terms' }
  | { type: 'legal-lens:focus-card' }
  | { type: 'legal-lens:load-card-ui' }
  | { type: 'legal-lens:page-stats' }
  | { type: 'legal-lens:get-cards'; ids: string[] }
  | { type: 'legal-lens:glossary-filter' }
  /** `imports`: the sender loads the highlighter itself, by a dynamic import (Chrome: entrypoints/first-pass/load-highlighter.ts) */
  | { type: 'legal-lens:screen-text'; text: string; imports?: true }
  | { type: 'legal-lens:load-highlighter' }
  /** from a frame below the top one, once it can show a word (entrypoints/frame-start.ts) */
  | { type: 'legal-lens:load-first-pass' }
  | { type: 'legal-lens:glossary-heads'; heads: string[] }
  | { type: 'legal-lens:open-explainer'; id: string; lang?: Lang };

const WITHOUT_FIELDS = new Set(['legal-lens:page-terms', 'legal-lens:focus-card', 'legal-lens:load-card-ui', 'legal-lens:load-highlighter', 'legal-lens:load-first-pass', 'legal-lens:page-stats', 'legal-lens:glossary-filter']);

/** One term found on a page, for the popup's "On this page" list. */
export interface PageTerm {
  id: string;
  count: number;
}
export interface PageTermsResponse {
  terms: PageTerm[];
}

/**
 * What the first full scan of a page did, for tests (asked over the extension's own messaging, so nothing of it
 * is visible to the page): main-thread ms of the scan and of its longest slice, the matches painted, and when
 * painting ended (the page's performance.now(), ms). Null until the first scan is painted. (`npm run bench`
 * takes its figures from Chrome's traces instead.)
 */
export type PageStatsResponse = { busyMs: number; longestSliceMs: number; matches: number; paintedAt: number } | null;

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
  if (type === 'legal-lens:glossary-heads') {
    const list = heads(fields.heads);
    return list === INVALID ? null : { type, heads: list };
  }
  if (type === 'legal-lens:screen-text') {
    const text = fields.text;
    if (typeof text !== 'string' || text.length > MAX_SCREEN_TEXT) return null;
    if (fields.imports === undefined) return { type, text };
    return fields.imports === true ? { type, text, imports: true } : null;
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

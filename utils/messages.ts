// Typed messages between the popup, the background and content scripts. Every message is validated on
// arrival; anything else (or anything from another extension or a web page) is ignored.
import * as v from 'valibot';
import { LANGS } from '@/glossary/runtime/categories';

const termId = v.pipe(v.string(), v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/), v.maxLength(80));

export const message = v.variant('type', [
  v.object({ type: v.literal('legal-lens:page-terms') }),
  v.object({ type: v.literal('legal-lens:focus-card') }),
  v.object({ type: v.literal('legal-lens:load-card-ui') }),
  v.object({ type: v.literal('legal-lens:page-stats') }),
  v.object({ type: v.literal('legal-lens:get-cards'), ids: v.pipe(v.array(termId), v.maxLength(20)) }),
  v.object({ type: v.literal('legal-lens:open-explainer'), id: termId, lang: v.optional(v.picklist(LANGS)) }),
]);
export type Message = v.InferOutput<typeof message>;

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

export function parseMessage(raw: unknown): Message | null {
  const parsed = v.safeParse(message, raw);
  return parsed.success ? parsed.output : null;
}

/** True when a message comes from this extension itself (not another extension, not a web page). */
export function isOwnSender(sender: { id?: string }, ownId: string): boolean {
  return sender.id === ownId;
}

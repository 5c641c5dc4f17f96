// The glossary the extension ships for matching: the matcher index with its term ids and each term's category,
// deflated at build time (glossary/build/shipped-glossary.ts) and written as text (binary-text.ts), about a
// third of the index's plain size. The background inflates it with the browser's own DecompressionStream
// (Chrome 80+, Firefox 113+) the first time a content script asks for part of it (head-index.ts).
import { decodeBinaryText } from './binary-text.ts';
import { CATEGORIES, type Category } from './categories.ts';
import type { MatcherIndex } from './matcher.ts';

/** The text before the deflated payload's first line: its format. */
export const SHIPPED_FORMAT = 'legal-lens-glossary/1';

/** The glossary as the content script uses it. */
export interface ShippedGlossary {
  index: MatcherIndex;
  /** each term's category, by term id */
  categories: Record<string, Category>;
}

/** A shipped glossary that cannot be read: cut short, changed, or of another format. */
export class ShippedGlossaryError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(`the shipped glossary is unreadable: ${message}`, options);
    this.name = 'ShippedGlossaryError';
  }
}

/**
 * The payload (deflated and encoded by the build): three lines, `SHIPPED_FORMAT`, the term ids joined by
 * spaces, one category digit per term (its index in CATEGORIES), then the index's lines (MatcherIndex).
 */
export function writeShippedPayload(index: MatcherIndex, categories: Record<string, Category>): string {
  const digits = index.ids.map((id) => {
    const at = CATEGORIES.indexOf(categories[id]);
    if (at < 0) throw new Error(`shipped glossary: term ${id} has no category`);
    return at;
  });
  return `${SHIPPED_FORMAT}\n${index.ids.join(' ')}\n${digits.join('')}\n${index.lines}`;
}

/** The payload's text → the glossary. Throws ShippedGlossaryError on another format or mismatched parts. */
export function readShippedPayload(text: string): ShippedGlossary {
  const first = text.indexOf('\n');
  const second = text.indexOf('\n', first + 1);
  const third = text.indexOf('\n', second + 1);
  if (first < 0 || second < 0 || third < 0) throw new ShippedGlossaryError('it has fewer than four parts');
  const format = text.slice(0, first);
  if (format !== SHIPPED_FORMAT) throw new ShippedGlossaryError(`unknown format "${format.slice(0, 40)}"`);
  const ids = text.slice(first + 1, second).split(' ').filter(Boolean);
  const digits = text.slice(second + 1, third);
  if (digits.length !== ids.length) throw new ShippedGlossaryError(`${ids.length} term ids but ${digits.length} categories`);
  const categories: Record<string, Category> = {};
  ids.forEach((id, i) => {
    const category = CATEGORIES[digits.charCodeAt(i) - 48];
    if (!category) throw new ShippedGlossaryError(`term ${id} has an unknown category "${digits[i]}"`);
    categories[id] = category;
  });
  return { index: { ids, lines: text.slice(third + 1) }, categories };
}

/**
 * Inflates zlib-deflated bytes with the browser's DecompressionStream; rejects on a damaged stream. The bytes
 * go in through a Blob and come out through a Response, never as stream chunks of our own: in a Firefox
 * content script the page's stream refuses a chunk from the script's compartment ("Value could not be
 * converted to any of: ArrayBufferView, ArrayBuffer"), while Blob and Response convert at their door.
 */
async function inflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * The shipped text (virtual:glossary/matcher-index) → the glossary: decode, inflate (the zlib checksum
 * catches a changed byte), UTF-8, payload. Rejects with a ShippedGlossaryError that says which step failed.
 */
export async function inflateShippedGlossary(shipped: string): Promise<ShippedGlossary> {
  let bytes: Uint8Array;
  try {
    bytes = decodeBinaryText(shipped);
  } catch (e) {
    throw new ShippedGlossaryError((e as Error).message, { cause: e });
  }
  let inflated: Uint8Array;
  try {
    inflated = await inflate(bytes);
  } catch (e) {
    throw new ShippedGlossaryError(`it does not inflate (${String((e as Error)?.message ?? e)})`, { cause: e });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch (e) {
    throw new ShippedGlossaryError('it is not UTF-8 text', { cause: e });
  }
  return readShippedPayload(text);
}

/** The glossary read from the shipped text, with the milliseconds that took (decoding, reading, and the inflate's wall time). */
export interface LoadedGlossary extends ShippedGlossary {
  inflateMs: number;
}

const defaultReport = (error: Error) => console.error(`Legal Lens: highlighting is off: ${error.message}`);

/** Calls `report` with `e` as a ShippedGlossaryError; a report that throws is ignored. */
function reportError(e: unknown, report: (error: Error) => void): void {
  const error = e instanceof ShippedGlossaryError ? e : new ShippedGlossaryError((e as Error)?.message ?? String(e), { cause: e });
  try {
    report(error);
  } catch {
    // a failing report must not make the script throw either
  }
}

/**
 * The shipped text → the glossary, not yet compiled into a matcher. Never throws or rejects: on an unreadable
 * glossary it calls `report` with the error (by default a console error naming Legal Lens) and resolves to
 * null, so the caller stays inert on the page.
 */
export async function loadShippedGlossary(shipped: string, report: (error: Error) => void = defaultReport): Promise<LoadedGlossary | null> {
  try {
    const t0 = performance.now();
    const glossary = await inflateShippedGlossary(shipped);
    return { ...glossary, inflateMs: performance.now() - t0 };
  } catch (e) {
    reportError(e, report);
    return null;
  }
}

// The glossary the content script carries (build time): the matcher index, its term ids and their categories
// as one payload (glossary/runtime/shipped-glossary.ts), deflated with zlib at the highest level and written
// as text for a string literal (glossary/runtime/binary-text.ts). The content script inflates it at start-up.
import { deflateSync } from 'node:zlib';
import { encodeBinaryText } from '../runtime/binary-text.ts';
import type { Category } from '../runtime/categories.ts';
import type { MatcherIndex } from '../runtime/matcher.ts';
import { writeShippedPayload } from '../runtime/shipped-glossary.ts';

/** The shipped text of a matcher index and the categories of its terms (by id). Throws if a term has none. */
export function deflateShippedGlossary(index: MatcherIndex, categories: Record<string, Category>): string {
  const payload = Buffer.from(writeShippedPayload(index, categories), 'utf8');
  return encodeBinaryText(deflateSync(payload, { level: 9, memLevel: 9 }));
}

// glossary-source: the parts of the glossary a page needs, from the background over the extension's own
// messaging (which pages cannot see): the heads' filter when the frame first has words to scan, then the keys
// of the heads its text holds (glossary/runtime/head-index.ts). The content script bundles no glossary: its
// size and start-up do not grow with it. Answers are checked before use; one that is not what was asked
// (the background gone, the glossary unreadable) rejects with an Error that says so.
import { browser } from 'wxt/browser';
import { CATEGORIES, type Category } from '@/glossary/runtime/categories';
import type { FilterResponse, HeadKey, HeadsResponse } from '@/glossary/runtime/head-index';
import type { HeadSource } from '@/glossary/runtime/paged-matcher';

const isObject = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);
const isStringOrNull = (x: unknown) => x === null || typeof x === 'string';

/** A key as it travels: [key, cased or null, id or null, rank], the key a non-empty string. */
function isHeadKey(x: unknown): x is HeadKey {
  return Array.isArray(x) && x.length === 4 && typeof x[0] === 'string' && x[0].length > 0 && isStringOrNull(x[1]) && isStringOrNull(x[2]) && Number.isFinite(x[3]);
}

const isKeyList = (x: unknown): x is HeadKey[] => Array.isArray(x) && x.every(isHeadKey);

/** The filter answer, checked; throws on anything else. */
export function checkFilter(answer: unknown): FilterResponse {
  if (!isObject(answer) || !isObject(answer.filter) || typeof answer.filter.bits !== 'string' || typeof answer.filter.hashes !== 'number' || !isKeyList(answer.always)) {
    throw new Error(answer === null ? 'the glossary is unreadable' : 'the background sent no glossary filter');
  }
  return answer as unknown as FilterResponse;
}

/** The heads answer, checked; throws on anything else. */
export function checkHeads(answer: unknown): HeadsResponse {
  if (!isObject(answer) || !isObject(answer.heads) || !isObject(answer.categories)) {
    throw new Error(answer === null ? 'the glossary is unreadable' : 'the background sent no glossary keys');
  }
  for (const keys of Object.values(answer.heads)) if (!isKeyList(keys)) throw new Error('the background sent a malformed glossary key');
  for (const c of Object.values(answer.categories)) if (!CATEGORIES.includes(c as Category)) throw new Error(`the background sent an unknown category "${String(c)}"`);
  return answer as unknown as HeadsResponse;
}

/** The background as a HeadSource (glossary/runtime/paged-matcher.ts). */
export const backgroundGlossary: HeadSource = {
  filter: async () => checkFilter(await browser.runtime.sendMessage({ type: 'legal-lens:glossary-filter' })),
  heads: async (heads) => checkHeads(await browser.runtime.sendMessage({ type: 'legal-lens:glossary-heads', heads })),
};

// head-answers: the background's answers about the glossary's heads (head-index.ts), checked where they arrive
// (a content script) before use. A content script never trusts an answer's shape: one that is not what was
// asked for (the background gone, the glossary unreadable) throws an Error that says so.
import { CATEGORIES, type Category } from './categories.ts';
import type { FilterResponse, HeadKey, HeadsResponse } from './head-index.ts';

/** The answer when the extension is off for the frame's site (turned off, or off on this site): nothing to do. */
export interface OffAnswer {
  off: true;
}

/**
 * The answer to "screen-text" as the first pass acts on it: the keys of the heads the text holds, whether the
 * highlighter is in the frame (it is when there are any), and when it is, the heads' filter it starts with.
 */
export type LoadAnswer = HeadsResponse & ({ loaded: false } | { loaded: true; filter: FilterResponse });

/**
 * The answer to "screen-text" as the background sends it: a LoadAnswer, or, when the sender said it imports the
 * highlighter itself and the text holds heads, `loaded: 'import'` (the highlighter is not there yet).
 */
export type ScreenAnswer = LoadAnswer | (HeadsResponse & { loaded: 'import'; filter: FilterResponse });

const isObject = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);
const isStringOrNull = (x: unknown) => x === null || typeof x === 'string';

/** Whether an answer says the extension is off for the frame. */
export const isOff = (answer: unknown): answer is OffAnswer => isObject(answer) && answer.off === true;

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

/** The screen-text answer, checked; throws on anything else. */
export function checkLoad(answer: unknown): ScreenAnswer {
  const heads = checkHeads(answer);
  const { loaded, filter } = answer as Record<string, unknown>;
  if (typeof loaded !== 'boolean' && loaded !== 'import') throw new Error('the background did not say whether it loaded the highlighter');
  if (loaded) checkFilter(filter);
  return heads as ScreenAnswer;
}

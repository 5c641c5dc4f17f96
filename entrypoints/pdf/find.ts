// find: find-in-document over the page texts (page-text.ts), ignoring case, accents and how white space and
// line breaks fall ("due process" finds "due\nprocess"). Pure: hits are text positions per page; the reader
// turns the ones on drawn pages into ranges.
import { foldCode } from '@/glossary/runtime/normalize';
import { endPositionOf, positionOf, type ItemPosition, type PageText } from './page-text';

export interface FindHit {
  page: number;
  start: ItemPosition;
  end: ItemPosition;
}

/** The text folded one character for one (so offsets stay put): lower case, no accents, any space a space. */
export function foldForFind(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const folded = foldCode(code);
    // hyphens fold to spaces in the matcher; for find, keep them as typed
    out += code === 45 ? '-' : String.fromCharCode(folded === 0 ? code : folded);
  }
  return out;
}

/** The query as find compares it: folded, runs of white space as one space, trimmed. */
export function foldQuery(query: string): string {
  return foldForFind(query.replace(/\s+/g, ' ').trim());
}

/** Every hit of `query` on `page`, in order. At most `limit` hits per page. */
export function findOnPage(pageNumber: number, page: PageText, folded: string, query: string, limit = 1000): FindHit[] {
  if (!query) return [];
  const hits: FindHit[] = [];
  // white space in the query matches any run of white space in the text
  const parts = query.split(' ').map(escapeRegExp);
  const pattern = new RegExp(parts.join('\\s+'), 'g');
  for (let m = pattern.exec(folded); m && hits.length < limit; m = pattern.exec(folded)) {
    if (!m[0].length) {
      pattern.lastIndex++;
      continue;
    }
    hits.push({ page: pageNumber, start: positionOf(page, m.index), end: endPositionOf(page, m.index + m[0].length) });
  }
  return hits;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

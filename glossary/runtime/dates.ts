// Dates as readers see them: in words, in the reader's language, never as ISO strings. The glossary writes
// `reviewed` and `as_of` as YYYY-MM-DD (glossary/FORMAT.md); these turn them into "November 27, 2026" /
// "27 de noviembre de 2026" and "March 2026" / "marzo de 2026" with Intl.DateTimeFormat — in the explainer page
// at run time, and at build time for the cards (the content script carries the words, not this code).
import type { Lang } from './categories.ts';

/** The date written in words, or the input as written when it is no YYYY-MM-DD date. */
function format(date: string, lang: Lang, options: Intl.DateTimeFormatOptions): string {
  try {
    if (!/^\d{4}-\d\d-\d\d$/.test(date)) return date;
    // parsed and shown in UTC: "2026-03-01" is March 1 wherever the reader is
    return new Intl.DateTimeFormat(`${lang}-US`, { ...options, timeZone: 'UTC' }).format(new Date(date));
  } catch {
    return date; // "2026-13-45" is no date
  }
}

/** "2026-11-27" → "November 27, 2026" / "27 de noviembre de 2026"; anything else is returned as written. */
export function formatDate(date: string, lang: Lang): string {
  return format(date, lang, { dateStyle: 'long' });
}

/** "2026-03-12" → "March 2026" / "marzo de 2026" (the "as of" of facts that change); anything else as written. */
export function formatMonth(date: string, lang: Lang): string {
  return format(date, lang, { month: 'long', year: 'numeric' });
}

// Dates as readers see them: in words, in the reader's language, never as ISO strings. The glossary writes
// `reviewed` and `as_of` as YYYY-MM-DD (glossary/FORMAT.md); these turn them into "November 27, 2026" /
// "27 de noviembre de 2026" and "March 2026" / "marzo de 2026" with the browser's own Intl.DateTimeFormat.
import type { Lang } from '@/glossary/runtime/categories';

const LOCALES: Record<Lang, string> = { en: 'en-US', es: 'es-US' };

function format(date: string, lang: Lang, options: Intl.DateTimeFormatOptions): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return null;
  // UTC both ways: "2026-03-01" is March 1 wherever the reader is
  return new Intl.DateTimeFormat(LOCALES[lang], { ...options, timeZone: 'UTC' }).format(d);
}

/** "2026-11-27" → "November 27, 2026" / "27 de noviembre de 2026"; anything else is returned as written. */
export function formatDate(date: string, lang: Lang): string {
  return format(date, lang, { dateStyle: 'long' }) ?? date;
}

/** "2026-03-12" → "March 2026" / "marzo de 2026" (the "as of" of facts that change); anything else as written. */
export function formatMonth(date: string, lang: Lang): string {
  return format(date, lang, { month: 'long', year: 'numeric' }) ?? date;
}

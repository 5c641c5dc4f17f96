// Dates (FORMAT.md, "Dates"): a file that speaks of a recent year or of "now" carries `as_of`; `as_of` is not
// later than `reviewed` nor earlier than the newest year the text mentions; both language files agree.
import { quote, type GlossaryProblem } from './problems.ts';
import type { Lang } from './schema.ts';

/** The first year that makes a fact time-sensitive: anything that changed since 2017 needs a date. */
export const FIRST_DATED_YEAR = 2017;

/** Words that say the text describes the present, per language (whole words, any case, accents folded). */
export const NOW_WORDS: Record<Lang, readonly string[]> = {
  en: ['now', 'currently', 'today', 'at present', 'recently'],
  es: ['ahora', 'actualmente', 'hoy', 'en la actualidad', 'recientemente'],
};

const MONTHS: Record<Lang, string> = {
  en: 'january|february|march|april|may|june|july|august|september|october|november|december',
  es: 'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre',
};

/** "as of March", "a marzo de 2019": the text dates a status itself. */
const DATED_STATUS: Record<Lang, RegExp> = {
  en: new RegExp(`\\bas of (?:${MONTHS.en})\\b`, 'i'),
  es: new RegExp(`\\ba (?:${MONTHS.es}) de \\d{4}\\b`, 'i'),
};

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const NOW_PATTERN: Record<Lang, RegExp> = {
  en: new RegExp(`(?<![\\p{L}\\p{N}])(?:${NOW_WORDS.en.map((w) => w.replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\p{N}])`, 'u'),
  es: new RegExp(`(?<![\\p{L}\\p{N}])(?:${NOW_WORDS.es.map((w) => fold(w).replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\p{N}])`, 'u'),
};

/**
 * Four-digit years 1900–2099 standing alone: not part of a longer number ("12,019", "3.2017"), of a code
 * ("2000d") or a section ("§ 2017").
 */
const YEAR = /(?<![\p{L}\p{N}]|[\p{N}][.,]|§\s?)((?:19|20)\d\d)(?![\p{L}\p{N}]|[.,]\p{N})/gu;

export function yearsIn(text: string): number[] {
  return [...text.matchAll(YEAR)].map((m) => Number(m[1]));
}

/** Why a text is time-sensitive (the first sign found), or null. */
export function timeSensitiveSign(text: string, lang: Lang): string | null {
  const recent = yearsIn(text).find((y) => y >= FIRST_DATED_YEAR);
  if (recent !== undefined) return `the year ${recent}`;
  const now = NOW_PATTERN[lang].exec(fold(text));
  if (now) return `"${now[0].replace(/\s+/g, ' ')}"`;
  const dated = DATED_STATUS[lang].exec(text);
  if (dated) return quote(dated[0]);
  return null;
}

export interface DatedFile {
  file: string;
  lang: Lang;
  summary: string;
  /** the rendered body text (link addresses are not text) */
  body: string;
  reviewed: string;
  as_of?: string;
}

/** The date rules for one file. */
export function checkDates(f: DatedFile): GlossaryProblem[] {
  const problems: GlossaryProblem[] = [];
  const add = (message: string) => problems.push({ file: f.file, field: 'as_of', message });
  if (!f.as_of) {
    for (const [where, text] of [['summary', f.summary], ['body', f.body]] as const) {
      const sign = timeSensitiveSign(text, f.lang);
      if (sign) {
        add(`is missing, but the ${where} mentions ${sign}, so it states something that can change; add as_of: the date of the newest source that confirms it`);
        break;
      }
    }
    return problems;
  }
  if (f.as_of > f.reviewed) {
    add(`${f.as_of} is later than reviewed (${f.reviewed}); as_of is the date of a source the checker read, so it cannot come after the review`);
  }
  // years after the review year are future dates (a deadline, an end of a designation), not sources
  const reviewedYear = Number(f.reviewed.slice(0, 4));
  const past = yearsIn(`${f.summary}\n${f.body}`).filter((y) => y <= reviewedYear);
  const newest = past.length ? Math.max(...past) : 0;
  if (newest && Number(f.as_of.slice(0, 4)) < newest) {
    add(`${f.as_of} is earlier than ${newest}, the newest year the text mentions; as_of must date the newest source the text relies on`);
  }
  return problems;
}

interface PairFile {
  file: string;
  data: { reviewed: string; as_of?: string };
}

/** Both language files of an entry carry the same `reviewed` and `as_of`; reported on the Spanish file. */
export function checkSharedDates(en: PairFile, es: PairFile): GlossaryProblem[] {
  const problems: GlossaryProblem[] = [];
  if (en.data.reviewed !== es.data.reviewed) {
    problems.push({ file: es.file, field: 'reviewed', message: `is ${es.data.reviewed} but the English file says ${en.data.reviewed}; both languages are reviewed together` });
  }
  if (en.data.as_of !== es.data.as_of) {
    problems.push({ file: es.file, field: 'as_of', message: `is ${es.data.as_of ?? 'missing'} but the English file says ${en.data.as_of ?? 'none'}; both languages state the same facts as of the same date` });
  }
  return problems;
}

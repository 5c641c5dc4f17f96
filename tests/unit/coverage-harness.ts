// The coverage measurement (issue 9.5): for pages written like the ones our users read, each with the phrases
// a reader would want explained (<name>.html + <name>.expected.json, see tests/fixtures/coverage/README.md),
// how many of those phrases get a card that explains them. Text is collected per block by the content
// script's own collect (entrypoints/content/collect.ts), so a phrase inside a button or code counts as a miss,
// as it would on the page. Needs a DOM (run under happy-dom).
//
// A phrase is covered when one of its occurrences (as written, whole words) overlaps a match whose term id is
// in `fits`. When `fits` is empty (the fixture knows no entry for it), a match counts if its card's title fits
// the phrase: every content word of the phrase (3+ letters, folded, plural -s dropped) is in the card's title
// in the page's language or in English, so "raid" fits a card titled "Immigration raid", but "Immigration and
// Naturalization Service" does not fit a card titled "Naturalization".
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { collectBlocks } from '@/entrypoints/content/collect';
import type { Matcher } from '@/glossary/runtime/matcher';
import { normalizeText } from '@/glossary/runtime/normalize';

export interface ExpectedPhrase {
  text: string;
  central: boolean;
  fits: string[];
}

export interface CoveragePage {
  name: string;
  lang: 'en' | 'es';
  html: string;
  phrases: ExpectedPhrase[];
}

/** Card titles by term id, per language: all the harness needs of the card data. */
export type Titles = Record<string, { en: { title: string }; es: { title: string } }>;

export interface PhraseResult extends ExpectedPhrase {
  page: string;
  lang: 'en' | 'es';
  covered: boolean;
  /** how the phrase was covered, or why not */
  how: 'fits' | 'title fits' | 'wrong card' | 'no match' | 'not in scanned text';
  /** the ids of the matches that overlapped an occurrence */
  matched: string[];
}

export interface Recall {
  covered: number;
  total: number;
  /** covered / total, 0–1 (1 when there is nothing to cover) */
  recall: number;
}

export interface CoverageReport {
  phrases: PhraseResult[];
  overall: Recall;
  central: Recall;
  byLang: Record<string, Recall>;
  byPage: Record<string, Recall & { central: Recall }>;
}

/** Reads every `<name>.html` with its `<name>.expected.json` in `dir`; throws with the file name on a bad one. */
export function loadPages(dir: string): CoveragePage[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.expected\.json$/, '');
      let expected: { lang?: unknown; phrases?: unknown };
      try {
        expected = JSON.parse(readFileSync(join(dir, f), 'utf8'));
      } catch (e) {
        throw new Error(`${f}: not valid JSON: ${(e as Error).message}`);
      }
      if (expected.lang !== 'en' && expected.lang !== 'es') throw new Error(`${f}: lang must be "en" or "es"`);
      if (!Array.isArray(expected.phrases)) throw new Error(`${f}: phrases must be a list`);
      const phrases = expected.phrases.map((p: Partial<ExpectedPhrase>, i: number) => {
        if (typeof p.text !== 'string' || !p.text.trim()) throw new Error(`${f}: phrases.${i}.text must be a string`);
        if (typeof p.central !== 'boolean') throw new Error(`${f}: phrases.${i}.central must be true or false`);
        if (!Array.isArray(p.fits) || p.fits.some((id) => typeof id !== 'string')) throw new Error(`${f}: phrases.${i}.fits must be a list of ids`);
        return { text: p.text, central: p.central, fits: p.fits };
      });
      return { name, lang: expected.lang, html: readFileSync(join(dir, `${name}.html`), 'utf8'), phrases };
    });
}

const STOP = new Set(['the', 'and', 'for', 'del', 'los', 'las', 'con', 'por', 'una', 'que', 'para']);
/** Content words of a phrase or title: folded, 3+ letters, not a function word, plural -s dropped. */
function contentWords(text: string): string[] {
  return normalizeText(text.replace(/\([^)]*\)/g, ' '))
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3 && !STOP.has(w))
    .map((w) => (w.length > 3 && w.endsWith('s') ? w.slice(0, -1) : w));
}

/** Whether a card's title fits a phrase (see the file comment). */
export function titleFits(phrase: string, titles: string[]): boolean {
  const words = contentWords(phrase);
  if (!words.length) return false;
  return titles.some((t) => {
    const title = new Set(contentWords(t));
    return words.every((w) => title.has(w));
  });
}

/** Every [start, end) where `phrase` occurs in `text` as written, with no letter or digit touching either end. */
function occurrences(text: string, phrase: string): [number, number][] {
  const out: [number, number][] = [];
  const word = (i: number) => i >= 0 && i < text.length && /[\p{L}\p{N}]/u.test(text[i]);
  for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + 1)) {
    if (!word(i - 1) && !word(i + phrase.length)) out.push([i, i + phrase.length]);
  }
  return out;
}

const recall = (covered: number, total: number): Recall => ({ covered, total, recall: total ? covered / total : 1 });
const tally = (rs: PhraseResult[]) => recall(rs.filter((r) => r.covered).length, rs.length);

/** Measures how many listed phrases of each page get a fitting card from `matcher`. */
export function measureCoverage(pages: CoveragePage[], matcher: Matcher, titles: Titles): CoverageReport {
  const phrases: PhraseResult[] = [];
  for (const page of pages) {
    const doc = new DOMParser().parseFromString(page.html, 'text/html');
    const blocks = collectBlocks(doc.body).map((b) => ({ text: b.text, matches: matcher.find(b.text) }));
    for (const p of page.phrases) {
      const overlapping = blocks.flatMap((b) =>
        occurrences(b.text, p.text).flatMap(([s, e]) => b.matches.filter((m) => m.start < e && m.end > s)),
      );
      const found = blocks.some((b) => occurrences(b.text, p.text).length > 0);
      const ids = [...new Set(overlapping.map((m) => m.id))];
      const fitting = ids.find((id) => p.fits.includes(id));
      const byTitle = !p.fits.length && ids.find((id) => titles[id] && titleFits(p.text, [titles[id][page.lang].title, titles[id].en.title]));
      const how: PhraseResult['how'] = fitting ? 'fits' : byTitle ? 'title fits' : ids.length ? 'wrong card' : found ? 'no match' : 'not in scanned text';
      phrases.push({ ...p, page: page.name, lang: page.lang, covered: Boolean(fitting || byTitle), how, matched: ids });
    }
  }
  const byLang: Record<string, Recall> = {};
  for (const lang of ['en', 'es']) byLang[lang] = tally(phrases.filter((r) => r.lang === lang));
  const byPage: CoverageReport['byPage'] = {};
  for (const page of pages) {
    const rs = phrases.filter((r) => r.page === page.name);
    byPage[page.name] = { ...tally(rs), central: tally(rs.filter((r) => r.central)) };
  }
  return { phrases, overall: tally(phrases), central: tally(phrases.filter((r) => r.central)), byLang, byPage };
}

const pct = (r: Recall) => `${(r.recall * 100).toFixed(1)}% (${r.covered}/${r.total})`;

/** The report as text: recall overall, central, per language and per page, then every missed phrase. */
export function formatCoverage(report: CoverageReport): string {
  const lines = [
    `coverage: overall ${pct(report.overall)}, central ${pct(report.central)}; ` +
      Object.entries(report.byLang).map(([lang, r]) => `${lang} ${pct(r)}`).join(', '),
    ...Object.entries(report.byPage).map(([name, r]) => `  ${name.padEnd(34)} ${pct(r).padEnd(16)} central ${pct(r.central)}`),
    'missed phrases (page: "phrase" [central] fits → why):',
    ...report.phrases
      .filter((r) => !r.covered)
      .map((r) => `  ${r.page}: "${r.text}"${r.central ? ' [central]' : ''} fits ${r.fits.length ? r.fits.join('|') : '(none listed)'} → ${r.how}${r.matched.length ? ` (${r.matched.join(', ')})` : ''}`),
  ];
  return lines.join('\n');
}

// The glossary compiler (build time): reads glossary/terms and glossary/guides, validates every file, and emits
// the matcher index, the card data and the article pages. Every problem is reported as `file: field: what is wrong`.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ZodError } from 'zod';
import { renderMarkdown } from './markdown.ts';
import { compileMatcher, isAcronymLike, type MatcherEntry } from '../runtime/matcher.ts';
import { buildMatcherIndex } from './matcher-entries.ts';
import { formatMonth } from '../runtime/dates.ts';
import { aliasKey, normalizeText } from '../runtime/normalize.ts';
import { checkDates, checkSharedDates } from './dates.ts';
import { parseYamlText, splitFrontMatter } from './front-matter.ts';
import { checkParity } from './parity.ts';
import { formatProblem, type GlossaryProblem } from './problems.ts';
import { gradeEnglish, scoreSpanish, words } from './readability.ts';
import { READABILITY } from './readability-bars.ts';
import { REVIEW_LOG_DIR, checkReviewLog, readReviewLog } from './review-log.ts';
import { firstSourceIn, withLang } from './source-lang.ts';
import { checkSources } from './sources.ts';
import { TERMBASE_FILE, checkSpanishFile, checkSpanishTitles, loadTermbase } from './termbase.ts';
import { checkWording } from './wording.ts';
import {
  EVERYDAY_WORDS, GUIDE_WORDS, LANGS, TERM_HEADINGS, TERM_WORDS, guideSchema, termSchema,
  type GuideFrontMatter, type Lang, type TermFrontMatter,
} from './schema.ts';
import type { Article, ArticleData, ArticleText, CardData, MatcherIndex } from '../runtime/types.ts';

export { formatProblem, type GlossaryProblem };

export interface ParsedFile<T> {
  file: string;
  id: string;
  lang: Lang;
  data: T;
  body: string;
}

export interface CompiledGlossary {
  problems: GlossaryProblem[];
  terms: ParsedFile<TermFrontMatter>[];
  /** every alias with its term, as written in the files */
  entries: MatcherEntry[];
  guides: ParsedFile<GuideFrontMatter>[];
  matcherIndex: MatcherIndex;
  cards: CardData;
  articles: ArticleData;
  /** plain text of each body, keyed by file, for word counts and the benchmark's synthetic glossaries */
  bodies: Record<string, string>;
}

const FILE_NAME = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.(en|es)\.md$/;
export const termHref = (id: string) => `/explainer.html#${id}`;

function zodProblems(file: string, error: ZodError): GlossaryProblem[] {
  return error.issues.map((issue) => ({
    file,
    field: issue.path.length ? issue.path.join('.') : '(front matter)',
    message: issue.message,
  }));
}

function readDir(dir: string): string[] {
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
  } catch {
    return [];
  }
}

/**
 * Reads and validates every glossary file under `root` (the `glossary/` folder): terms, guides, the Spanish
 * termbase and the review log. Never throws on content: every problem is in `problems`, sorted by file.
 * `displayRoot` is the folder as shown in messages (relative to the working directory where possible).
 */
export function compileGlossary(root: string, displayRoot = root): CompiledGlossary {
  const problems: GlossaryProblem[] = [];
  const bodies: Record<string, string> = {};
  const add = (file: string, field: string, message: string) => problems.push({ file, field, message });
  const shown = relative(process.cwd(), displayRoot) || displayRoot;
  /** ids that have a file in each folder and language, valid or not */
  const present = new Set<string>();

  function load<T extends TermFrontMatter | GuideFrontMatter>(
    folder: 'terms' | 'guides',
    schema: typeof termSchema | typeof guideSchema,
  ): ParsedFile<T>[] {
    const out: ParsedFile<T>[] = [];
    for (const name of readDir(join(root, folder))) {
      const file = join(shown, folder, name);
      const m = FILE_NAME.exec(name);
      if (!m) {
        add(file, '(file name)', 'must be <id>.en.md or <id>.es.md with a lowercase kebab-case id');
        continue;
      }
      present.add(`${folder}/${m[1]}.${m[2]}`);
      const parts = splitFrontMatter(readFileSync(join(root, folder, name), 'utf8'));
      if (!parts) {
        add(file, '(front matter)', 'must start with a --- YAML block ---');
        continue;
      }
      const yaml = parseYamlText(parts.yaml, parts.yamlLine);
      if (!yaml.ok) {
        add(file, '(front matter)', yaml.message);
        continue;
      }
      const parsed = schema.safeParse(yaml.value);
      if (!parsed.success) {
        problems.push(...zodProblems(file, parsed.error));
        continue;
      }
      const data = parsed.data as T;
      if (data.id !== m[1]) add(file, 'id', `is "${data.id}" but the file name says "${m[1]}"`);
      if (data.lang !== m[2]) add(file, 'lang', `is "${data.lang}" but the file name says "${m[2]}"`);
      out.push({ file, id: m[1], lang: m[2] as Lang, data, body: parts.body });
    }
    return out;
  }

  const terms = load<TermFrontMatter>('terms', termSchema);
  const guides = load<GuideFrontMatter>('guides', guideSchema);

  // both languages for every id (a file that exists but fails validation still counts as there), and no id
  // used by both a term and a guide
  const byId = <T>(files: ParsedFile<T>[]) => {
    const map = new Map<string, Partial<Record<Lang, ParsedFile<T>>>>();
    for (const f of files) map.set(f.id, { ...map.get(f.id), [f.lang]: f });
    return map;
  };
  const termsById = byId(terms);
  const guidesById = byId(guides);
  for (const [kind, map] of [['terms', termsById], ['guides', guidesById]] as const) {
    for (const [id, langs] of map) {
      for (const lang of LANGS) {
        if (!present.has(`${kind}/${id}.${lang}`)) {
          const other = Object.values(langs)[0]!;
          add(other.file, 'lang', `has no ${lang === 'en' ? 'English' : 'Spanish'} version (${kind}/${id}.${lang}.md is missing)`);
        }
      }
    }
  }
  for (const id of guidesById.keys()) {
    if (termsById.has(id)) add(join(shown, 'guides', id), 'id', `is also a term id; ids must be unique`);
  }

  // aliases: everyday words, collisions between terms
  const entries: MatcherEntry[] = [];
  const shippedEntries: MatcherEntry[] = [];
  const shippedKeys = new Set<string>();
  const aliasOwner = new Map<string, { id: string; file: string }>();
  for (const f of terms) {
    f.data.aliases.forEach((a, i) => {
      const text = typeof a === 'string' ? a : a.text;
      const exact = typeof a === 'string' ? isAcronymLike(a) : a.case === 'exact';
      const key = aliasKey(text);
      const field = `aliases.${i}`;
      if (!key) return add(f.file, field, 'is empty after normalisation');
      if (EVERYDAY_WORDS.has(key)) {
        return add(f.file, field, `"${text}" is an everyday word or phrase; use it only inside a legal phrase`);
      }
      const owner = aliasOwner.get(key);
      if (owner && owner.id !== f.id) {
        return add(f.file, field, `"${text}" is also claimed by ${owner.file}`);
      }
      aliasOwner.set(key, { id: f.id, file: f.file });
      entries.push([text, f.id, exact ? 1 : 0]);
      // the shipped index needs each normalised form once ("287(g)" and "287 (g)" are the same to the matcher);
      // exact-case aliases differ by their case too ("A-file" and "A-File" are two forms)
      const shipped = `${key}\u0000${exact ? normalizeText(text, true) : ''}`;
      if (!shippedKeys.has(shipped)) {
        shippedKeys.add(shipped);
        shippedEntries.push([text, f.id, exact ? 1 : 0]);
      }
    });
  }
  const matcherIndex: MatcherIndex = buildMatcherIndex(root, terms, shippedEntries, add);
  const matcher = compileMatcher(matcherIndex);

  const knownTerm = (id: string) => termsById.has(id);
  const rendered = new Map<string, ReturnType<typeof renderMarkdown>>();
  const render = (f: ParsedFile<unknown>) => {
    const r = renderMarkdown(f.body, termHref);
    rendered.set(f.file, r);
    bodies[f.file] = r.text;
    for (const p of r.problems) add(f.file, 'body', p);
    for (const id of r.termLinks) if (!knownTerm(id)) add(f.file, 'body', `links to term "${id}", which does not exist`);
    return r;
  };

  for (const f of terms) {
    const r = render(f);
    const expected = TERM_HEADINGS[f.lang];
    const got = r.headings.filter((h) => h.depth === 2).map((h) => h.text);
    if (got.join('|') !== expected.join('|')) {
      add(f.file, 'body', `needs the headings ${expected.map((h) => `"## ${h}"`).join(', ')} in that order (found ${got.map((h) => `"${h}"`).join(', ') || 'none'})`);
    }
    const count = words(r.text).length;
    if (count < TERM_WORDS.min || count > TERM_WORDS.max) {
      add(f.file, 'body', `has ${count} words; an explainer needs ${TERM_WORDS.min}–${TERM_WORDS.max}`);
    }
    f.data.related.forEach((rel, i) => {
      if (rel === f.id) add(f.file, `related.${i}`, 'lists the term itself');
      else if (!knownTerm(rel)) add(f.file, `related.${i}`, `"${rel}" is not a term id`);
    });
  }

  for (const f of guides) {
    const r = render(f);
    // the guide's title is the page heading; the body is cut into ## sections
    if (!r.headings.some((h) => h.depth === 2)) add(f.file, 'body', 'has no "## " section heading; cut the guide into sections with ## headings');
    for (const h of r.headings.filter((x) => x.depth === 1)) add(f.file, 'body', `has the level-1 heading "# ${h.text}"; the title is the page's only level-1 heading, so use ## for sections`);
    const count = words(r.text).length;
    if (count < GUIDE_WORDS.min || count > GUIDE_WORDS.max) {
      add(f.file, 'body', `has ${count} words; a guide needs ${GUIDE_WORDS.min}–${GUIDE_WORDS.max}`);
    }
    const linked = new Set(r.termLinks);
    const unlinked = new Map<string, string>();
    for (const m of matcher.find(r.text)) {
      if (!linked.has(m.id) && !unlinked.has(m.id)) unlinked.set(m.id, r.text.slice(m.start, m.end));
    }
    for (const [id, text] of unlinked) add(f.file, 'body', `mentions "${text}" (${id}) but never links it with [text](term:${id})`);
  }

  // readability of card summaries (FORMAT.md: each, and on average)
  const grades: number[] = [];
  const scores: number[] = [];
  for (const f of terms) {
    if (f.lang === 'en') {
      const grade = gradeEnglish(f.data.summary);
      grades.push(grade);
      if (grade > READABILITY.en.maxEach) add(f.file, 'summary', `Flesch–Kincaid grade ${grade.toFixed(1)} is above ${READABILITY.en.maxEach}; use shorter sentences and shorter words`);
    } else {
      const score = scoreSpanish(f.data.summary);
      scores.push(score);
      if (score < READABILITY.es.minEach) add(f.file, 'summary', `Fernández-Huerta score ${score.toFixed(1)} is below ${READABILITY.es.minEach}; use shorter sentences and shorter words`);
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  if (grades.length && mean(grades) > READABILITY.en.maxAverage) {
    add(join(shown, 'terms'), 'summary', `the average English Flesch–Kincaid grade is ${mean(grades).toFixed(2)}, above ${READABILITY.en.maxAverage}; simplify the hardest summaries (npm run glossary:check lists each grade)`);
  }
  if (scores.length && mean(scores) < READABILITY.es.minAverage) {
    add(join(shown, 'terms'), 'summary', `the average Spanish Fernández-Huerta score is ${mean(scores).toFixed(2)}, below ${READABILITY.es.minAverage}; simplify the hardest summaries (npm run glossary:check lists each score)`);
  }

  // sources, dates and wording, per file
  const textOf = (f: ParsedFile<TermFrontMatter | GuideFrontMatter>) => bodies[f.file] ?? '';
  for (const f of [...terms, ...guides] as ParsedFile<TermFrontMatter | GuideFrontMatter>[]) {
    problems.push(...checkSources(f.file, f.data.sources));
    problems.push(...checkWording(f.file, f.lang, f.data.summary, textOf(f)));
    problems.push(...checkDates({ file: f.file, lang: f.lang, summary: f.data.summary, body: textOf(f), reviewed: f.data.reviewed, as_of: f.data.as_of }));
  }

  // the two languages of each entry: the same dates and the same facts
  for (const map of [termsById, guidesById] as Map<string, Partial<Record<Lang, ParsedFile<TermFrontMatter | GuideFrontMatter>>>>[]) {
    for (const { en, es } of map.values()) {
      if (!en || !es) continue;
      problems.push(...checkSharedDates(en, es));
      problems.push(...checkParity({ file: en.file, summary: en.data.summary, body: textOf(en) }, { file: es.file, summary: es.data.summary, body: textOf(es) }));
    }
  }

  // the Spanish termbase
  const termbaseFile = join(shown, TERMBASE_FILE);
  const { termbase, problems: termbaseProblems } = loadTermbase(root, termbaseFile);
  problems.push(...termbaseProblems);
  if (termbase) {
    const spanishTerms = terms.filter((f) => f.lang === 'es');
    for (const f of [...spanishTerms, ...guides.filter((g) => g.lang === 'es')] as ParsedFile<TermFrontMatter | GuideFrontMatter>[]) {
      const isTerm = 'aliases' in f.data;
      problems.push(...checkSpanishFile(termbase, {
        file: f.file,
        termId: isTerm ? f.id : null,
        title: f.data.title,
        aliases: isTerm ? (f.data as TermFrontMatter).aliases.map((a) => (typeof a === 'string' ? a : a.text)) : [],
        summary: f.data.summary,
        body: textOf(f),
      }, termbaseFile));
    }
    problems.push(...checkSpanishTitles(spanishTerms.map((f) => ({ file: f.file, title: f.data.title }))));
  }

  // the review log: every entry reviewed by someone who did not write it
  const logDir = join(shown, REVIEW_LOG_DIR);
  const reviewed = [...termsById, ...guidesById].flatMap(([id, langs]) => {
    const f = langs.en ?? langs.es;
    return f ? [{ id, file: f.file, reviewed: f.data.reviewed }] : [];
  });
  problems.push(...checkReviewLog(readReviewLog(root, logDir), reviewed, logDir));

  // emit
  const cards: CardData = {};
  const articles: ArticleData = { terms: {}, guides: {} };
  const articleText = (f: ParsedFile<TermFrontMatter | GuideFrontMatter>): ArticleText => ({
    title: f.data.title,
    summary: f.data.summary,
    aliases: 'aliases' in f.data ? f.data.aliases.map((a) => (typeof a === 'string' ? a : a.text)) : [],
    html: rendered.get(f.file)?.html ?? '',
    text: rendered.get(f.file)?.text ?? '',
    sources: withLang(f.data.sources),
    reviewed: f.data.reviewed,
    ...(f.data.as_of ? { asOf: f.data.as_of } : {}),
  });
  for (const [id, langs] of termsById) {
    const en = langs.en;
    const es = langs.es;
    if (!en || !es) continue;
    const asOf = en.data.as_of ?? es.data.as_of;
    const cardText = (f: ParsedFile<TermFrontMatter>) => ({
      title: f.data.title,
      summary: f.data.summary,
      source: firstSourceIn(withLang(f.data.sources), f.lang),
      ...(asOf ? { asOfMonth: formatMonth(asOf, f.lang) } : {}),
    });
    cards[id] = { id, category: en.data.category, related: en.data.related.filter(knownTerm), en: cardText(en), es: cardText(es) };
    if (es.data.category !== en.data.category) add(es.file, 'category', `is "${es.data.category}" but the English file says "${en.data.category}"`);
    articles.terms[id] = { id, kind: 'term', category: en.data.category, related: cards[id].related, en: articleText(en), es: articleText(es) };
  }
  for (const [id, langs] of guidesById) {
    if (!langs.en || !langs.es) continue;
    const article: Article = { id, kind: 'guide', related: [...new Set(rendered.get(langs.en.file)?.termLinks ?? [])], en: articleText(langs.en), es: articleText(langs.es) };
    articles.guides[id] = article;
  }

  // one file's problems together, in the order they were found
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { problems, terms, entries, guides, matcherIndex, cards, articles, bodies };
}

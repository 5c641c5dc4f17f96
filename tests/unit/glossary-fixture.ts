// Minimal glossaries for compiler tests, written to a temporary folder: valid by default (a term pair passes every
// check, with a small termbase and a review log covering every entry), so each test breaks exactly one thing.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';
import { compileGlossary, formatProblem } from '@/glossary/build/compile';

export const HEADINGS = {
  en: ['What it is', 'How it works', 'Why it matters', 'An example', 'What you can do', 'Where to get help'],
  es: ['Qué es', 'Cómo funciona', 'Por qué importa', 'Un ejemplo', 'Qué puede hacer', 'Dónde buscar ayuda'],
};
export const filler = (n: number) => Array.from({ length: n }, (_, i) => `word${i % 10}`).join(' ');
export const body = (lang: 'en' | 'es', extra = '') =>
  HEADINGS[lang].map((h) => `## ${h}\n\n${filler(50)}.\n`).join('\n') + extra;

export const SUMMARY = {
  en: 'A short and plain summary of this term for the card shown on pages.',
  es: 'Un resumen corto y claro de este término para la tarjeta de la página.',
};
export const REVIEWED = '2026-11-27';

export interface TermSpec {
  id: string;
  lang: 'en' | 'es';
  title?: string;
  aliases?: string[];
  related?: string[];
  summary?: string;
  url?: string;
  /** YAML for the whole `sources` list (replaces the default statute source) */
  sources?: string;
  /** Markdown appended to the body */
  extra?: string;
  category?: string;
  reviewed?: string;
  as_of?: string;
  omit?: string[];
}

const defaultSources = (url = 'https://www.law.cornell.edu/uscode/text/28/1361') => `\n  - title: Source\n    url: ${url}\n    kind: statute`;

export function termFile(t: TermSpec): string {
  const fields: Record<string, string> = {
    id: t.id,
    lang: t.lang,
    title: JSON.stringify(t.title ?? `Title ${t.id}`),
    aliases: `\n${(t.aliases ?? [`alias ${t.id} ${t.lang}`]).map((a) => `  - ${JSON.stringify(a)}`).join('\n')}`,
    summary: JSON.stringify(t.summary ?? SUMMARY[t.lang]),
    category: t.category ?? 'remedies',
    related: `[${(t.related ?? []).join(', ')}]`,
    sources: t.sources ?? defaultSources(t.url),
    reviewed: t.reviewed ?? REVIEWED,
    ...(t.as_of ? { as_of: t.as_of } : {}),
  };
  const yaml = Object.entries(fields).filter(([k]) => !t.omit?.includes(k)).map(([k, v]) => `${k}: ${v}`).join('\n');
  return `---\n${yaml}\n---\n${body(t.lang, t.extra)}`;
}

export interface GuideSpec {
  id: string;
  lang: 'en' | 'es';
  summary?: string;
  sources?: string;
  /** text at the start of the body, before 620 filler words */
  text?: string;
  reviewed?: string;
  as_of?: string;
}

export function guideFile(g: GuideSpec): string {
  const summary = g.summary ?? (g.lang === 'en' ? 'A guide about writs for people who want to know how courts act.' : 'Una guía sobre las órdenes de las cortes para quien quiere saber más.');
  const sources = g.sources ?? '\n  - title: US Courts\n    url: https://www.uscourts.gov/\n    kind: agency';
  return `---\nid: ${g.id}\nlang: ${g.lang}\ntitle: A guide\nsummary: ${JSON.stringify(summary)}\nsources: ${sources}\nreviewed: ${g.reviewed ?? REVIEWED}\n${g.as_of ? `as_of: ${g.as_of}\n` : ''}---\n## Part\n\n${g.text ?? ''} ${filler(620)}\n`;
}

/** A term in both languages; `overEs` defaults to `over` (with Spanish aliases of its own). */
export const pair = (id: string, over: Partial<TermSpec> = {}, overEs: Partial<TermSpec> = over) => ({
  [`terms/${id}.en.md`]: termFile({ id, lang: 'en', ...over }),
  [`terms/${id}.es.md`]: termFile({ id, lang: 'es', ...overEs, aliases: overEs.aliases ?? [`alias ${id} es`] }),
});

export const guidePair = (id: string, over: Partial<GuideSpec> = {}, overEs: Partial<GuideSpec> = over) => ({
  [`guides/${id}.en.md`]: guideFile({ id, lang: 'en', ...over }),
  [`guides/${id}.es.md`]: guideFile({ id, lang: 'es', ...overEs }),
});

/** A termbase that no fixture term collides with, unless a test means it to. */
export const TERMBASE = `
- id: immigration-court
  kind: court
  en: immigration court
  es: corte de inmigración
  unofficial: EOIR publishes no Spanish name for its courts.
  variants: [tribunal de inmigración]
  forbidden:
    - text: juzgado de inmigración
      reason: not used by EOIR
      use: corte de inmigración
`;

export const REVIEW_HEADER = '| id | reviewed | writer | checker | checked against | changed | could not confirm |\n|---|---|---|---|---|---|---|\n';
export const reviewRow = (id: string, reviewed = REVIEWED, writer = 'helper W1', checker = 'helper C1') =>
  `| ${id} | ${reviewed} | ${writer} | ${checker} | 28 U.S.C. § 1361 (LII) | — | — |\n`;

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/**
 * Writes a glossary into a new temporary folder and returns its path. Unless the files include them, it adds
 * `termbase.yaml` (TERMBASE) and `review-log/fixture.md` with a row for every term and guide id; pass
 * `null` as a file's text to leave that file out.
 */
export function glossaryWith(files: Record<string, string | null>): string {
  const root = mkdtempSync(join(tmpdir(), 'glossary-'));
  dirs.push(root);
  mkdirSync(join(root, 'terms'));
  mkdirSync(join(root, 'guides'));
  const ids = [...new Set(Object.keys(files).map((p) => /^(?:terms|guides)\/([a-z0-9-]+)\.(?:en|es)\.md$/.exec(p)?.[1]).filter((x): x is string => !!x))];
  const all: Record<string, string | null> = {
    'termbase.yaml': TERMBASE,
    'review-log/fixture.md': `# Fixture reviews\n\n${REVIEW_HEADER}${ids.map((id) => reviewRow(id)).join('')}`,
    ...files,
  };
  for (const [path, text] of Object.entries(all)) {
    if (text === null) continue;
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** Every problem of a glossary as printed, with the temporary folder cut from the file names. */
export const problemsOf = (files: Record<string, string | null>) =>
  compileGlossary(glossaryWith(files)).problems.map((p) => formatProblem(p).replace(/[^\s(]*\/glossary-[^/\s]+\//g, ''));

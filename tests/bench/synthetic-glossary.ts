// Synthetic glossaries built from the real one, for tests and measurements at scale: `syntheticAliases`
// varies every real alias into realistic new ones (other words from the glossary's own vocabulary in the
// same language, other section and form numbers, other acronyms), and `writeSyntheticGlossary` writes a
// complete, valid glossary folder N times the size of the real one (each extra term a copy of a real entry
// under a new id, with varied aliases), which the Vite plugin builds through LEGAL_LENS_GLOSSARY.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { compileGlossary, type CompiledGlossary } from '../../glossary/build/compile.ts';
import { FORM_NUMBER } from '../../glossary/build/parity.ts';
import { EVERYDAY_WORDS, type Lang } from '../../glossary/build/schema.ts';
import { checkSpanishFile, loadTermbase, TERMBASE_FILE } from '../../glossary/build/termbase.ts';
import { aliasForms, isAcronymLike } from '../../glossary/runtime/matcher.ts';
import { normalizeText } from '../../glossary/runtime/normalize.ts';

/** A seeded pseudo-random generator (mulberry32): the same seed gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)];

/** One alias as written in a term file, with its term and language. */
export interface WrittenAlias {
  text: string;
  id: string;
  lang: Lang;
  exact: boolean;
}

export function writtenAliases(glossary: CompiledGlossary): WrittenAlias[] {
  return glossary.terms.flatMap((f) =>
    f.data.aliases.map((a) => {
      const text = typeof a === 'string' ? a : a.text;
      const exact = typeof a === 'string' ? isAcronymLike(a) : a.case === 'exact';
      return { text, id: f.id, lang: f.lang, exact };
    }),
  );
}

/** Words of 4+ letters used in the glossary's aliases and bodies, per language: the vocabulary of variations. */
export function vocabulary(glossary: CompiledGlossary): Record<Lang, string[]> {
  const out: Record<Lang, Set<string>> = { en: new Set(), es: new Set() };
  for (const f of glossary.terms) {
    const text = `${f.data.aliases.map((a) => (typeof a === 'string' ? a : a.text)).join(' ')} ${glossary.bodies[f.file] ?? ''}`;
    for (const w of text.match(/\p{Ll}{4,}/gu) ?? []) out[f.lang].add(w);
  }
  return { en: [...out.en].sort(), es: [...out.es].sort() };
}

/** Every key the matcher reads an alias as (its own and its derived forms), to keep synthetic aliases apart. */
export function formsOf(a: WrittenAlias): string[] {
  return aliasForms(a.text, a.exact ? 1 : 0);
}

const UPPER = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];

/** One realistic variation of an alias: other numbers in a cite, other letters in an acronym, other words in a phrase. */
export function varyAlias(alias: WrittenAlias, rnd: () => number, vocab: Record<Lang, string[]>): string {
  const { text } = alias;
  if (/\d/.test(text)) {
    // a cite or form: new numbers of the same length, sometimes another subsection letter
    return text
      .replace(/\d+/g, (d) => String(1 + Math.floor(rnd() * 9)) + Array.from({ length: d.length - 1 }, () => Math.floor(rnd() * 10)).join(''))
      .replace(/\(([a-z])\)/g, (m) => (rnd() < 0.5 ? `(${'abcdefgh'[Math.floor(rnd() * 8)]})` : m));
  }
  if (alias.exact && /^[A-Z]{2,6}$/.test(text)) {
    return Array.from(text, () => pick(rnd, UPPER)).join('');
  }
  const words = text.split(' ');
  const slots = words.map((w, i) => (/^\p{Ll}{4,}$/u.test(w) ? i : -1)).filter((i) => i >= 0);
  const list = vocab[alias.lang];
  // a one-word alias gets a second word: a lone vocabulary word would be an everyday word, not a term
  if (!slots.length || words.length === 1) return rnd() < 0.5 ? `${text} ${pick(rnd, list)}` : `${pick(rnd, list)} ${text}`;
  const changes = 1 + (slots.length > 2 && rnd() < 0.4 ? 1 : 0);
  for (let c = 0; c < changes; c++) words[pick(rnd, slots)] = pick(rnd, list);
  return words.join(' ');
}

/**
 * `copies` varied aliases for every real alias (ids `<id>-x<k>`), each with a new normalised key that no
 * real or earlier synthetic alias has and that is not an everyday word.
 */
export function syntheticAliases(real: WrittenAlias[], copies: number, seed: number, vocab: Record<Lang, string[]>): WrittenAlias[] {
  const rnd = seededRandom(seed);
  const taken = new Set(real.flatMap(formsOf));
  const out: WrittenAlias[] = [];
  for (let k = 1; k <= copies; k++) {
    for (const a of real) {
      for (let attempt = 0; attempt < 20; attempt++) {
        const text = varyAlias(a, rnd, vocab);
        const alias: WrittenAlias = { text, id: `${a.id}-x${k}`, lang: a.lang, exact: a.exact && isAcronymLike(text) };
        const forms = formsOf(alias);
        if (!forms.length || forms.some((f) => taken.has(f)) || EVERYDAY_WORDS.has(forms[0])) continue;
        for (const f of forms) taken.add(f);
        out.push(alias);
        break;
      }
    }
  }
  return out;
}

/**
 * Writes a glossary folder `factor` times the real one to `out`: every real file and folder, plus `factor - 1`
 * copies of each term under ids `<id>-x<k>`, whose aliases are variations (see varyAlias) and whose titles are
 * marked with the copy number. Returns the number of aliases written.
 */
export function writeSyntheticGlossary(root: string, out: string, factor: number, seed = 1): { terms: number; aliases: number } {
  const glossary = compileGlossary(root);
  if (glossary.problems.length) throw new Error(`the real glossary has problems: ${glossary.problems[0].message}`);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const name of readdirSync(root)) {
    if (name === 'build' || name === 'runtime') continue;
    cpSync(join(root, name), join(out, name), { recursive: true });
  }
  const real = writtenAliases(glossary);
  const vocab = vocabulary(glossary);
  const rnd = seededRandom(seed);
  const taken = new Set(real.flatMap(formsOf));
  // the guides must link every term they mention, so a new alias must not occur in them
  const guideText = ` ${glossary.guides.map((f) => normalizeText(glossary.bodies[f.file] ?? '')).join(' ')} `;
  // …in any plural either: the matcher reads a plural at every word ("la estafa" finds "las estafas")
  const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const inGuides = (key: string) =>
    guideText.includes(key) ||
    new RegExp(`\\s${key.split(' ').map((w) => `${escape(w.replace(/[yz]$/, ''))}(?:${/[yz]$/.test(w) ? `${escape(w.slice(-1))}|ies|ces` : ''})?(?:e?s)?`).join(' ')}\\s`).test(guideText);
  let aliases = real.length;
  let terms = glossary.terms.length / 2;
  const reviewRows: string[] = [];
  // a Spanish alias must pass the termbase checks; a new form number it names is added to the termbase copy
  const { termbase } = loadTermbase(root, TERMBASE_FILE);
  const newForms = new Set<string>();
  const spanishProblems = (text: string, id: string) =>
    termbase ? checkSpanishFile(termbase, { file: id, termId: id, title: '', aliases: [text], summary: '', body: '' }, TERMBASE_FILE) : [];
  for (let k = 1; k < factor; k++) {
    for (const f of glossary.terms) {
      const id = `${f.id}-x${k}`;
      const doc = parseDocument(readFileSync(join(root, 'terms', `${f.id}.${f.lang}.md`), 'utf8').split(/^---$/m)[1]);
      const written = f.data.aliases.map((a) => (typeof a === 'string' ? a : a.text));
      const varied: string[] = [];
      for (const a of written) {
        const alias: WrittenAlias = { text: a, id, lang: f.lang, exact: isAcronymLike(a) };
        for (let attempt = 0; attempt < 20; attempt++) {
          const text = varyAlias(alias, rnd, vocab);
          const forms = formsOf({ ...alias, text, exact: isAcronymLike(text) });
          if (!forms.length || forms.some((k) => taken.has(k) || inGuides(k)) || EVERYDAY_WORDS.has(forms[0]) || text.trim().length < 2) continue;
          if (f.lang === 'es' && spanishProblems(text, id).some((p) => !/^names Form /.test(p.message))) continue;
          for (const m of text.matchAll(FORM_NUMBER)) if (!termbase?.forms.has(`${m[1]}-${m[2]}`)) newForms.add(`${m[1]}-${m[2]}`);
          for (const k of forms) taken.add(k);
          varied.push(text);
          break;
        }
      }
      doc.set('id', id);
      doc.set('title', `${f.data.title} ${k + 1}`);
      doc.set('aliases', varied);
      doc.set('related', f.data.related.map((r) => `${r}-x${k}`));
      const body = readFileSync(join(root, 'terms', `${f.id}.${f.lang}.md`), 'utf8').replace(/^---[\s\S]*?\n---\n?/, '');
      writeFileSync(join(out, 'terms', `${id}.${f.lang}.md`), `---\n${doc.toString()}---\n${body.replace(/\(term:([a-z0-9-]+)\)/g, `(term:$1-x${k})`)}`);
      aliases += varied.length;
      if (f.lang === 'en') {
        terms++;
        reviewRows.push(id);
      }
    }
  }
  if (newForms.size) {
    const concepts = [...newForms].map((n) => `\n- id: synthetic-form-${n.toLowerCase()}\n  kind: form\n  en: Form ${n}\n  es: Formulario ${n} (synthetic form)\n  unofficial: A synthetic form number.\n`);
    writeFileSync(join(out, TERMBASE_FILE), `${readFileSync(join(out, TERMBASE_FILE), 'utf8').trimEnd()}\n${concepts.join('')}`);
  }
  const log = join(out, 'review-log');
  if (existsSync(log)) {
    // copies keep their original's review row (same date, writer and checker), right after it: text may follow
    // a table, so a row at the end of the file could start a table of its own
    const copies = new Set(reviewRows);
    for (const name of readdirSync(log)) {
      const file = join(log, name);
      const out: string[] = [];
      let added = 0;
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        out.push(line);
        const m = /^\|\s*([a-z0-9-]+)\s*\|/.exec(line);
        if (!m) continue;
        for (let k = 1; k < factor; k++) {
          if (!copies.has(`${m[1]}-x${k}`)) continue;
          out.push(line.replace(m[1], `${m[1]}-x${k}`));
          added++;
        }
      }
      if (added) writeFileSync(file, out.join('\n'));
    }
  }
  return { terms, aliases };
}

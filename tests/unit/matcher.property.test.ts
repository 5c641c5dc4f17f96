// Property test: at 10× today's alias count the matcher finds exactly what a simple reference matcher finds
// (tests/unit/reference-matcher.ts), on seeded random text built from those aliases — changed in case and
// accents, split by hyphens, no-break spaces and line breaks, with plurals, possessives and subsections,
// cut short, glued to other words, inside web addresses and swallowed names, between fillers and
// punctuation. The glossary is the real one (compiled from glossary/terms) plus 9 variations of every alias
// (tests/bench/synthetic-glossary.ts), well past the 65,536 trie nodes where an edge key of (node << 16)
// used to collide.
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileGlossary } from '@/glossary/build/compile';
import { readNames } from '@/glossary/build/matcher-entries';
import { aliasForms, compileMatcher, packIndex, type MatcherEntry } from '@/glossary/runtime/matcher';
import { selectLines } from '@/glossary/runtime/matcher-index';
import { HeadIndex } from '@/glossary/runtime/head-index';
import { PagedMatcher } from '@/glossary/runtime/paged-matcher';
import { aliasKey } from '@/glossary/runtime/normalize';
import { pick, seededRandom, syntheticAliases, vocabulary, writtenAliases, type WrittenAlias } from '../bench/synthetic-glossary';
import { ReferenceMatcher } from './reference-matcher';

const ROOT = resolve(import.meta.dirname, '../..');
const SEED = 20261129;
const COPIES = 9;
const BLOCKS = 1500;

const glossary = compileGlossary(join(ROOT, 'glossary'));
const real = writtenAliases(glossary);
const vocab = vocabulary(glossary);
const synthetic = syntheticAliases(real, COPIES, SEED, vocab);

/**
 * A key with a final "s", then a final "e", dropped from every word: the scan adds -s and -es to any word of an
 * alias, so "antiinmigrante" and "antiinmigrantes" fold alike.
 */
const singular = (key: string) => key.split(' ').map((w) => (w.length > 2 ? w.replace(/s$/, '').replace(/e$/, '') : w)).join(' ');

/**
 * Drops synthetic aliases whose derived forms read as another term's alias (the build rejects those), also
 * where they differ only by a plural ending the scan adds ("redadas antiinmigrante" for another term's
 * "redadas antiinmigrantes").
 */
function consistent(aliases: WrittenAlias[]): WrittenAlias[] {
  const owner = new Map<string, string>();
  const out: WrittenAlias[] = [];
  for (const a of aliases) {
    const forms = aliasForms(a.text, a.exact ? 1 : 0).flatMap((k) => [k, `~${singular(k)}`]);
    if (forms.some((k) => owner.has(k) && owner.get(k) !== a.id)) continue;
    for (const k of forms) owner.set(k, a.id);
    out.push(a);
  }
  return out;
}

const aliases = consistent([...real, ...synthetic]);
const entries: MatcherEntry[] = aliases.map((a) => [a.text, a.id, a.exact ? 1 : 0]);

const rnd = seededRandom(SEED);
const chance = (p: number) => rnd() < p;
const realNames = readNames(join(ROOT, 'glossary'), () => {}).map((n) => n.text);
// synthetic names: an alias inside a longer capitalised name
const capital = (w: string) => w[0].toUpperCase() + w.slice(1);
const syntheticNames = Array.from({ length: 300 }, () => `${capital(pick(rnd, vocab.en))} ${pick(rnd, aliases).text} ${capital(pick(rnd, vocab.en))}`);
const names: [string, 0 | 1][] = [...realNames, ...syntheticNames].map((n) => [n, 0]);

const ACCENTS: Record<string, string> = { a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú', n: 'ñ', A: 'Á', E: 'É', O: 'Ó' };
const SEPARATORS = [' ', ' ', ' ', ' ', '  ', '\u00a0', '\n', '-', '\u2011', ' \n\t', '\u2013'];
const PUNCTUATION = [' ', ' ', ' ', ', ', '. ', '; ', ': ', ' (', ') ', ' “', '” ', '\n', ' — ', '! ', '? ', ' "', '" ', '/'];
const SUFFIXES = ['', '', '', '', 's', 'es', "'s", '’s', '(1)', '(a)(2)', ' (b)', '(A)(iii)', '(1968)', '1', 'x', '.com', '@', '-33', '‐2025', '-a'];

/** An alias as a page might write it. */
function written(text: string): string {
  let t = text;
  const r = rnd();
  if (r < 0.15) t = t.toLowerCase();
  else if (r < 0.3) t = t.toUpperCase();
  else if (r < 0.4) t = t.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
  else if (r < 0.45) t = [...t].map((c) => (chance(0.5) ? c.toUpperCase() : c.toLowerCase())).join('');
  if (chance(0.2)) t = [...t].map((c) => (ACCENTS[c] && chance(0.3) ? ACCENTS[c] : c)).join('');
  if (chance(0.2)) t = t.normalize('NFD').replace(/\p{M}/gu, '');
  // plural endings on words inside the alias: "writs of mandamus", "jueces de inmigración"
  if (chance(0.25)) t = t.replace(/(\p{L})(?= )/gu, (c) => (chance(0.5) ? c : c === 'y' ? 'ies' : c === 'z' ? 'ces' : `${c}${pick(rnd, ['s', 'es', 'S'])}`));
  if (chance(0.3)) t = t.replace(/ /g, () => pick(rnd, SEPARATORS));
  if (chance(0.05)) t = t.replace(/\p{L}(?=\p{L})/u, (c) => `${c}\u00ad`); // a soft hyphen inside a word
  if (chance(0.05)) t = t.replace(/\.\s?/g, ''); // "USC" for "U.S.C."
  if (chance(0.1) && /y$/i.test(t)) t = `${t.slice(0, -1)}${chance(0.5) ? 'ies' : 'IES'}`;
  else if (chance(0.05) && /z$/i.test(t)) t = `${t.slice(0, -1)}ces`;
  else t += pick(rnd, SUFFIXES);
  if (chance(0.05)) t = `${pick(rnd, ['x', '1', 'www.', 'a@', 'pre'])}${t}`;
  return t;
}

function filler(): string {
  const r = rnd();
  if (r < 0.6) return pick(rnd, chance(0.5) ? vocab.en : vocab.es);
  if (r < 0.7) return String(Math.floor(rnd() * 3000));
  if (r < 0.8) return pick(rnd, ['ICE', 'ice', 'Ice', 'the', 'la', 'de', 'los', 'U.S.', 'EE. UU.', 'EEUU', '§', '(g)', 'I-', 'www', 'y']);
  // the first part of an alias, cut short
  const a = pick(rnd, aliases).text;
  return a.slice(0, 1 + Math.floor(rnd() * a.length));
}

function block(): string {
  const parts: string[] = [];
  const length = 4 + Math.floor(rnd() * 60);
  for (let k = 0; k < length; k++) {
    const r = rnd();
    if (r < 0.4) parts.push(written(pick(rnd, aliases).text));
    else if (r < 0.45) parts.push(written(pick(rnd, names)[0]));
    else parts.push(filler());
    parts.push(pick(rnd, PUNCTUATION));
  }
  return parts.join('');
}

describe('matcher at 10× the alias count', () => {
  const started = performance.now();
  const index = packIndex(entries, names);
  const matcher = compileMatcher(index);
  // the same aliases (each once, none another yields) as plain keys: the reference never reads the index
  const { ids, lines } = selectLines(entries, names);
  const reference = new ReferenceMatcher(lines.map((l) => [l.key, l.term < ids.length ? ids[l.term] : null, l.cased]));

  it('is built from 10× the real aliases, past the old 65,536-node limit', () => {
    const distinctReal = new Set(real.map((a) => aliasKey(a.text))).size;
    expect(new Set(aliases.map((a) => aliasKey(a.text))).size).toBeGreaterThanOrEqual(distinctReal * 9.5);
    expect(matcher.nodes).toBeGreaterThan(65_536 * 1.2);
  });

  it('finds every alias as written, alone, with its own term', () => {
    const wrong = aliases.filter((a) => {
      const found = matcher.find(a.text);
      return found.length !== 1 || found[0].id !== a.id || found[0].start !== 0 || aliasKey(a.text.slice(found[0].end)) !== '';
    });
    expect(wrong.map((a) => `${a.text} (${a.id}) → ${JSON.stringify(matcher.find(a.text))}`)).toEqual([]);
  });

  it('finds what the reference matcher finds on random text', { timeout: 240_000 }, () => {
    let chars = 0;
    let matches = 0;
    for (let b = 0; b < BLOCKS; b++) {
      const text = block();
      chars += text.length;
      const got = matcher.find(text);
      const want = reference.find(text);
      matches += want.length;
      if (JSON.stringify(got) !== JSON.stringify(want)) {
        const show = (ms: { start: number; end: number; id: string }[]) => ms.map((m) => `${JSON.stringify(text.slice(m.start, m.end))}@${m.start}→${m.id}`);
        const differ = (x: typeof got, y: typeof got) => x.filter((m) => !y.some((n) => n.start === m.start && n.end === m.end && n.id === m.id));
        expect({ block: b, matcherOnly: show(differ(got, want)), referenceOnly: show(differ(want, got)) }).toEqual({ block: b, matcherOnly: [], referenceOnly: [] });
      }
    }
    // the text is long and dense enough to mean something
    expect(chars).toBeGreaterThan(400_000);
    expect(matches).toBeGreaterThan(15_000);
    console.log(`property test: ${aliases.length} aliases, ${matcher.size} keys, ${matcher.nodes} trie nodes; ` +
      `${BLOCKS} blocks, ${chars} characters, ${matches} matches; ${Math.round(performance.now() - started)} ms`);
  });

  it('loads, through the heads of each block, what finds the same as the whole matcher', { timeout: 240_000 }, async () => {
    // the background's side, with every answer through JSON as over the extension's messaging
    const heads = new HeadIndex(index, Object.fromEntries(index.ids.map((id) => [id, 'court' as const])));
    const json = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
    const paged = new PagedMatcher({ filter: async () => json(heads.filter()), heads: async (list) => json(heads.lookup(list)) });
    expect(await paged.ready()).toBe(true);
    let skipped = 0;
    let matches = 0;
    for (let b = 0; b < BLOCKS; b++) {
      // now and then a block of fillers only, which mostly holds no head
      const text = chance(0.2) ? Array.from({ length: 12 }, filler).join(' ') : block();
      const may = paged.mayMatch(text);
      if (may) await paged.load();
      else skipped++;
      const got = may ? paged.find(text) : [];
      const want = matcher.find(text);
      matches += want.length;
      if (JSON.stringify(got) !== JSON.stringify(want)) expect({ block: b, text, got }).toEqual({ block: b, text, got: want });
    }
    expect(matches).toBeGreaterThan(10_000);
    expect(skipped).toBeGreaterThan(0);
    // it holds a part of the glossary only
    expect(paged.size).toBeLessThan(matcher.size);
    console.log(`paged matcher: ${heads.size} heads, ${paged.counts.heads} asked for in ${paged.counts.messages} messages, ` +
      `${paged.size} of ${matcher.size} keys loaded; ${skipped} of ${BLOCKS} blocks needed no matcher`);
  });
});

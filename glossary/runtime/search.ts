// Glossary search (run time) for the popup, the explainer index and the context menu. A wrong answer is worse than
// none (issue #12: "policia" used to list Form N-400, "notario" Sanctuary jurisdiction), so results come in tiers,
// and a term shows only when every meaningful word of the query is found in it:
//
//   0. exact name: the query, folded (search-key.ts), is one of the entry's names (names.ts): a title, an alias,
//      a form number or a citation ("I-862", "i765", "§ 1983", "1357(g)", "green card", "perfil racial");
//   1. phrase: the query's words appear in a name as whole words, the last one possibly still being typed
//      ("mandamus" → "Writ of mandamus", "manda" → "Mandamus Act", "287" → "287(g)", but "I-9" ↛ "I-90"); a
//      title ranks over its gloss and a gloss over an alias, and only then the share of the name the query
//      covers: "fianza" is the entry titled "Audiencia de fianza" before the one glossed "(sin fianza)", and
//      "lawyer" the "Right to counsel (right to a lawyer)" before the one with the alias "DHS lawyer";
//   2. typo in a name: when a query word is no word of the glossary at all, Fuse (threshold, ignoreLocation)
//      finds names that spell it nearly the same, and only where the match covers whole words ("nortice to
//      apear", "habeus corpus", never "ice" inside "justice"); each name is searched on its own and an entry
//      ranks by its closest name, titles a little over aliases (an entry with many names holding the phrase
//      does not outrank the entry that is that phrase: "racial profilling" → Racial profiling first);
//   3. words: every meaningful word (not "la", "de", "the"…) is found — as written, as a plural or singular, by
//      its stem, or within one or two typing errors when it is no glossary word — in a name (weight 1), a summary
//      (0.6) or, once loaded, the article's body (0.3), in either language; the better the fields, the higher it
//      ranks, a part of the query that names the entry ranks it higher, and so does being related to the entry
//      the query names. When the whole query of two or more words is an entry's name ("CBP One", "green card"),
//      its words found apart in another entry's text are no answer: such an entry shows only when its summary
//      holds the name as written or it is related to the entry named.
//
// A word is never matched by a prefix or a fuzzy hit inside a longer word: "migra" does not find "migratorio",
// and a real word ("policia") is never taken for a typo of another ("politica").
import Fuse from 'fuse.js';
import { GLOSS, namesOf, type SearchItem } from './names.ts';
import { keyWords, searchKey } from './search-key.ts';
import type { BodyWordIndex } from './types.ts';

export { itemsFromCatalog } from './names.ts';
export type { SearchItem };

export type GlossarySearch = (query: string, limit?: number) => SearchItem[];

/** Words that carry no meaning alone, in either language: a query still has to match the others. */
const STOPWORDS = new Set(
  'a an the of to in on for and or by at is are be as with from what how that this it its de del la las el los lo un una unos unas y o u e en por para con que se al su sus mi es'.split(' '),
);
const FIELD_WEIGHT = { names: 1, summary: 0.6, body: 0.3 } as const;
type Field = keyof typeof FIELD_WEIGHT;
/** Fuse's bitap threshold for names: about one typing error in four characters. */
const NAME_THRESHOLD = 0.34;

interface Doc {
  item: SearchItem;
  names: string[];
  titles: string[];
  aliases: string[];
  /** each name's kind of name (NAME_KIND), the strongest where a name is of two kinds */
  kinds: Map<string, number>;
  /** both summaries, folded, with a space at each end */
  summaries: string;
}

/**
 * What a phrase found in a name is worth, by the kind of name, added to the phrase tier's score: a title (without
 * its gloss, or the id read as words) names what the entry is about; a title's gloss and the whole title with it
 * say what else it is called; an alias may name a kind or a part of it ("DHS lawyer", "ICE bond").
 */
const NAME_KIND = { title: 0, gloss: 0.03, alias: 0.06 } as const;
/** What the share of a name the query does not cover costs in the phrase tier (0 when the query is the name). */
const UNCOVERED_COST = 0.04;
/**
 * What the names holding the phrase are worth, by their number n: NAMES_BONUS × log2(n). An entry many of whose
 * names hold it is about it ("Immigration detention", "ICE detention", "civil detention"…); being a title weighs
 * more (an alias-only entry would need 2^(0.06 / NAMES_BONUS) of them to pass a title that covers as much).
 */
const NAMES_BONUS = 0.008;

/** One name of one entry, as the typo tier searches it. */
interface NameRecord {
  doc: number;
  name: string;
  title: boolean;
}

/** What an alias costs against a title in the typo tier. */
const ALIAS_PENALTY = 0.02;

/** Word → the documents whose field holds it. */
type Postings = Map<string, Set<number>>;

function addWords(postings: Postings, text: string, doc: number): void {
  for (const word of keyWords(text)) {
    let docs = postings.get(word);
    if (!docs) postings.set(word, (docs = new Set()));
    docs.add(doc);
  }
}

/**
 * Builds the search over `items`. `bodyWords` (virtual:glossary/body-words) adds the articles' text at the lowest
 * weight; without it, titles, aliases and summaries are searched.
 */
export function createGlossarySearch(items: SearchItem[], bodyWords?: BodyWordIndex): GlossarySearch {
  const docs: Doc[] = items.map((item) => {
    const aliases = [...new Set([...item.en.aliases, ...item.es.aliases].map(searchKey))].filter(Boolean);
    const names = namesOf(item);
    return {
      item,
      names,
      aliases,
      titles: names.filter((n) => !aliases.includes(n)),
      kinds: nameKinds(item),
      summaries: ` ${searchKey(`${item.en.summary} | ${item.es.summary}`)} `,
    };
  });
  const fields: Record<Field, Postings> = { names: new Map(), summary: new Map(), body: bodyPostings(docs, bodyWords) };
  const byName = new Map<string, number[]>();
  docs.forEach((doc, i) => {
    for (const name of doc.names) {
      addWords(fields.names, name, i);
      push(byName, name, i);
    }
    addWords(fields.summary, searchKey(`${doc.item.en.summary} ${doc.item.es.summary}`), i);
  });
  const vocabulary = new Vocabulary([...fields.names.keys(), ...fields.summary.keys(), ...fields.body.keys()]);
  let fuse: Fuse<NameRecord> | null = null;
  // one record per name: Fuse multiplies the scores of every matching value of a field, so searching an entry's
  // names as one list would rank an entry by how many of its names hold the phrase, not by how close one is
  const nameFuse = () =>
    (fuse ??= new Fuse(
      docs.flatMap((doc, i) => [
        ...doc.titles.map((name) => ({ doc: i, name, title: true })),
        ...doc.aliases.map((name) => ({ doc: i, name, title: false })),
      ]),
      {
        keys: ['name'],
        threshold: NAME_THRESHOLD,
        // a name's words can be anywhere in it: "apear" in "notice to appear"
        ignoreLocation: true,
        includeScore: true,
        includeMatches: true,
        minMatchCharLength: 2,
      },
    ));

  return (query, limit = 8) => {
    const key = searchKey(query);
    if (key.length < 2) return [];
    const words = keyWords(key);
    const meaningful = words.filter((w) => !STOPWORDS.has(w));
    const wanted = meaningful.length ? meaningful : words;
    const best = new Map<number, number>();
    const offer = (doc: number, score: number) => {
      if (score < (best.get(doc) ?? 1)) best.set(doc, score);
    };

    // 0 and 1: exact names, then whole-word phrases in names (0.01–0.15; up to 0.2 for a word being typed)
    docs.forEach((doc, i) => {
      let phrase = 1;
      let holding = 0;
      for (const name of doc.names) {
        if (name === key) {
          offer(i, 0);
          continue;
        }
        const base = ` ${name} `.includes(` ${key} `) ? 0.05 : partOf(name, key) ? 0.1 : 0;
        if (!base) continue;
        phrase = Math.min(phrase, base + (doc.kinds.get(name) ?? NAME_KIND.alias) + UNCOVERED_COST * (1 - key.length / name.length));
        holding++;
      }
      if (holding) offer(i, Math.max(0.01, phrase - NAMES_BONUS * Math.log2(holding)));
    });

    // 2: a word no glossary text holds is a typo; look for a name spelled nearly the same
    const expansions = wanted.map((w) => vocabulary.expand(w));
    if (expansions.some((e) => e.typo)) {
      for (const r of nameFuse().search(key)) {
        if ((r.score ?? 1) <= NAME_THRESHOLD && r.matches?.some((m) => coversWholeWords(m.value ?? '', m.indices, key.length))) {
          offer(r.item.doc, 0.2 + 0.5 * (r.score ?? 1) + (r.item.title ? 0 : ALIAS_PENALTY));
        }
      }
    }

    // 3: every meaningful word found in some field; the coverage of each word is its best field × match quality
    const coverage = new Map<number, number[]>();
    expansions.forEach((expansion, w) => {
      for (const [field, postings] of Object.entries(fields) as [Field, Postings][]) {
        for (const [word, quality] of expansion.words) {
          for (const doc of postings.get(word) ?? []) {
            const got = coverage.get(doc) ?? coverage.set(doc, Array(wanted.length).fill(0)).get(doc)!;
            got[w] = Math.max(got[w], FIELD_WEIGHT[field] * quality);
          }
        }
      }
    });
    // a part of the query that is a whole name of the entry counts for more ("agente de ICE" is about ICE)
    const named = new Map<number, number>();
    for (let from = 0; from < words.length; from++) {
      for (let to = from + 1; to <= Math.min(words.length, from + 6); to++) {
        const part = words.slice(from, to);
        if (part.every((w) => STOPWORDS.has(w))) continue;
        for (const doc of byName.get(part.join(' ')) ?? []) named.set(doc, Math.max(named.get(doc) ?? 0, part.length / words.length));
      }
    }
    // a query that is a name of two or more words ("CBP One") is not answered by its words apart ("CBP", "one")
    const namedWhole = wanted.length > 1 ? (byName.get(key) ?? []).map((doc) => docs[doc].item) : [];
    const answersName = (doc: number) =>
      docs[doc].summaries.includes(` ${key} `) || namedWhole.some((named) => relatedTo(named, docs[doc].item));
    for (const [doc, got] of coverage) {
      if (!got.every((c) => c > 0)) continue;
      if (namedWhole.length && !best.has(doc) && !answersName(doc)) continue;
      offer(doc, 0.35 + 0.6 * (1 - got.reduce((a, b) => a + b, 0) / got.length) - 0.1 * (named.get(doc) ?? 0));
    }

    // among entries found by their text, those related to the entry named by the query come first
    const top = [...best].sort(([, a], [, b]) => a - b)[0];
    if (top && top[1] < 0.35) {
      const named = docs[top[0]].item;
      for (const [doc, score] of best) {
        const item = docs[doc].item;
        if (score >= 0.35 && relatedTo(named, item)) best.set(doc, score - 0.03);
      }
    }

    return [...best]
      .sort(([a, sa], [b, sb]) => sa - sb || kindOrder(docs[a]) - kindOrder(docs[b]) || docs[a].item.en.title.localeCompare(docs[b].item.en.title))
      .slice(0, limit)
      .map(([doc]) => docs[doc].item);
  };
}

/** True when either entry lists the other as related. */
const relatedTo = (a: SearchItem, b: SearchItem) => a.id !== b.id && (!!a.related?.includes(b.id) || !!b.related?.includes(a.id));

/**
 * Each folded name of `item` with its kind (NAME_KIND): its titles without their gloss and its id read as words
 * are titles; a title's gloss and the whole glossed title are glosses; the rest are aliases. A name of two kinds
 * (an alias that repeats the title) counts as the stronger.
 */
function nameKinds(item: SearchItem): Map<string, number> {
  const kinds = new Map<string, number>();
  const add = (text: string, kind: number) => {
    const name = searchKey(text);
    if (name && kind < (kinds.get(name) ?? Infinity)) kinds.set(name, kind);
  };
  add(item.id.replace(/-/g, ' '), NAME_KIND.title);
  for (const { title, aliases } of [item.en, item.es]) {
    const gloss = GLOSS.exec(title);
    add(gloss ? gloss[1] : title, NAME_KIND.title);
    if (gloss) {
      add(gloss[2], NAME_KIND.gloss);
      add(title, NAME_KIND.gloss);
    }
    for (const alias of aliases) add(alias, NAME_KIND.alias);
  }
  return kinds;
}

/**
 * True when `key` begins a word of `name` and goes on from there as whole words, the last one possibly cut short
 * (being typed): "manda" in "mandamus act", "287" in "287g program". A number is not cut short by more digits:
 * "i9" is not the start of "i90", nor "n40" of "n400".
 */
function partOf(name: string, key: string): boolean {
  let at = ` ${name}`.indexOf(` ${key}`);
  while (at >= 0) {
    const next = name[at + key.length] ?? ' ';
    if (!(/\p{N}/u.test(key[key.length - 1]) && /\p{N}/u.test(next))) return true;
    at = ` ${name}`.indexOf(` ${key}`, at + 1);
  }
  return false;
}

const kindOrder = (doc: Doc) => (doc.item.kind === 'term' ? 0 : 1);

/** The body words' postings, by document position in `docs` (entries the index names but `docs` lacks are left out). */
function bodyPostings(docs: Doc[], index?: BodyWordIndex): Postings {
  const postings: Postings = new Map();
  if (!index) return postings;
  const position = new Map(docs.map((d, i) => [d.item.id, i]));
  const words = keyWords(index.words);
  const lists = index.postings.split(' ');
  words.forEach((word, w) => {
    const docsOfWord = new Set<number>();
    let entry = 0;
    for (const delta of lists[w]?.split(',') ?? []) {
      entry += parseInt(delta, 36);
      const doc = position.get(index.ids[entry]);
      if (doc !== undefined) docsOfWord.add(doc);
    }
    if (docsOfWord.size) postings.set(word, docsOfWord);
  });
  return postings;
}

/**
 * True when a Fuse match in `value` spans whole words: it starts where a word starts, ends at most one character
 * before a word ends (a dropped letter), and covers at least three quarters of the query.
 */
function coversWholeWords(value: string, indices: readonly (readonly [number, number])[], queryLength: number): boolean {
  if (!indices.length) return false;
  const start = Math.min(...indices.map(([s]) => s));
  const end = Math.max(...indices.map(([, e]) => e));
  const wordStart = start === 0 || value[start - 1] === ' ';
  let wordEnd = end;
  while (wordEnd + 1 < value.length && value[wordEnd + 1] !== ' ') wordEnd++;
  return wordStart && wordEnd - end <= 1 && end - start + 1 >= 0.75 * queryLength;
}

/** The words of the glossary, for deciding what a query word stands for. */
class Vocabulary {
  private readonly known: Set<string>;
  private readonly byInitial = new Map<string, string[]>();
  private readonly byStem = new Map<string, string[]>();

  constructor(words: string[]) {
    this.known = new Set(words);
    for (const word of this.known) {
      push(this.byInitial, word[0], word);
      push(this.byStem, stem(word), word);
    }
  }

  /**
   * The glossary words a query word stands for, each with a quality (1 = as written): the word itself; its plural
   * or singular ("detainers", "agentes"); the words of its stem ("citizenship" → "citizen", "ciudadania" →
   * "ciudadano", "policia" → "police"); else — when
   * the glossary has no such word at all, so the reader mistyped — words within one typing error (two from 9
   * letters on) that start with the same letter. Numbers and words under 6 letters are never taken for typos.
   */
  expand(word: string): { words: Map<string, number>; typo: boolean } {
    const words = new Map<string, number>();
    for (const sibling of this.byStem.get(stem(word)) ?? []) words.set(sibling, 0.85);
    for (const form of [`${word}s`, `${word}es`, word.replace(/e?s$/, '')]) {
      if (form !== word && form.length >= 3 && this.known.has(form)) words.set(form, 0.9);
    }
    if (this.known.has(word)) words.set(word, 1);
    if (/\p{N}/u.test(word)) return { words, typo: false }; // numbers are exact: "I-48" is not "I-485"
    if (words.size || word.length < 6) return { words, typo: !words.size };
    const allowed = word.length >= 9 ? 2 : 1;
    for (const candidate of this.byInitial.get(word[0]) ?? []) {
      if (Math.abs(candidate.length - word.length) > allowed) continue;
      const edits = editDistance(word, candidate, allowed);
      if (edits <= allowed) words.set(candidate, edits === 1 ? 0.75 : 0.55);
    }
    return { words, typo: true };
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** English and Spanish endings of number, gender and a few derivations; a stem keeps at least 4 letters. */
const ENDINGS = /(?:ships|ship|ments|ment|ings|ing|ies|ias|ia|ed|es|os|as|o|a|e|s)$/;

/** A light stem: the word without one common ending ("citizenship" → "citizen", "policias" → "polic"). */
function stem(word: string): string {
  if (word.length < 5 || /\p{N}/u.test(word)) return word;
  const cut = word.replace(ENDINGS, '');
  return cut.length >= 4 ? cut : word;
}

/** Optimal-string-alignment distance between a and b (a swap of two letters is one edit), or max + 1 once over max. */
function editDistance(a: string, b: string, max: number): number {
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length];
}

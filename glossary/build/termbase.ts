// The Spanish termbase (FORMAT.md, "Spanish: the termbase"): glossary/termbase.yaml lists, per concept, the
// Spanish to use, accepted variants, alias-only variants (what pages say, which our prose does not) and
// forbidden ones. This module loads and validates it, and checks every Spanish file against it: forbidden and
// alias-only variants, one phrase per concept, one title per term, form numbers and their official titles,
// and institution names.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { compileMatcher, packIndex, type Matcher, type MatcherEntry } from '../runtime/matcher.ts';
import { aliasKey } from '../runtime/normalize.ts';
import { parseYamlWithLines } from './front-matter.ts';
import { FORM_NUMBER } from './parity.ts';
import { quote, type GlossaryProblem } from './problems.ts';

export const TERMBASE_FILE = 'termbase.yaml';

export const CONCEPT_KINDS = [
  'court', 'agency', 'office', 'form', 'warrant', 'order', 'remedy', 'proceeding', 'status', 'program', 'law', 'other',
] as const;

const phrase = z.string().trim().min(2, 'is too short');

const concept = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase kebab-case'),
    kind: z.enum(CONCEPT_KINDS, { error: `must be one of ${CONCEPT_KINDS.join(', ')}` }),
    en: phrase,
    es: phrase,
    /** where the Spanish is used officially */
    source: z
      .object({
        title: z.string().trim().min(3, 'needs a title'),
        url: z.string().url('must be a URL').refine((u) => u.startsWith('https://'), 'must be an https:// URL'),
      })
      .strict()
      .optional(),
    /** why there is no official Spanish, instead of `source` */
    unofficial: z.string().trim().min(5, 'must say why no official Spanish exists').optional(),
    variants: z.array(phrase).default([]),
    /** what pages say (press renderings): accepted as aliases of the concept's entry, never in a title or prose */
    alias_only: z.array(phrase).default([]),
    forbidden: z
      .array(
        z
          .object({
            text: phrase,
            reason: z.string().trim().min(5, 'must say why it is wrong'),
            use: phrase,
          })
          .strict(),
      )
      .default([]),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (!c.source === !c.unofficial) {
      ctx.addIssue({ code: 'custom', path: [c.source ? 'unofficial' : 'source'], message: c.source ? 'cannot be given with source: a concept has official Spanish (source) or not (unofficial)' : 'is missing: give the official source of the Spanish, or unofficial: why none exists' });
    }
  });

export type Concept = z.infer<typeof concept>;

/** A loaded termbase with its phrase index. */
export interface Termbase {
  concepts: Concept[];
  /** accepted phrase key → concept ids that list it (es, variants or alias_only) */
  accepted: Map<string, Set<string>>;
  /** alias-only phrase key → the concept that lists it (aliases may use it; titles and prose may not) */
  aliasOnly: Map<string, { concept: Concept; text: string }>;
  /** forbidden phrase key → the concepts that forbid it */
  forbidden: Map<string, { concept: Concept; text: string; reason: string; use: string }[]>;
  /** form number (upper case, "I-485") → its concept */
  forms: Map<string, Concept>;
  /** one matcher over every accepted and forbidden phrase; a match's id is the phrase key */
  matcher: Matcher;
  /** acronyms of listed courts, agencies and offices ("ICE", "DOJ"), normalised */
  acronyms: Set<string>;
}

/**
 * Loads `<root>/termbase.yaml`. Problems name the file (as `displayFile`) and the field path
 * (`12.forbidden.0.use`). Returns a null termbase when the file is missing, not YAML, or not valid.
 */
export function loadTermbase(root: string, displayFile: string): { termbase: Termbase | null; problems: GlossaryProblem[] } {
  const problems: GlossaryProblem[] = [];
  let lineOf: (path: (string | number)[]) => number | null = () => null;
  let idAt: (i: number) => string | null = () => null;
  /** a problem at a field path, with the concept's id and the file line to find it by */
  const add = (field: string, message: string) => {
    const path = field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const line = typeof path[0] === 'number' ? lineOf(path) : null;
    const id = typeof path[0] === 'number' ? idAt(path[0]) : null;
    const where = [id && `concept ${id}`, line && `line ${line}`].filter(Boolean).join(', ');
    problems.push({ file: displayFile, field, message: where ? `${message} (${where})` : message });
  };
  let text: string;
  try {
    text = readFileSync(join(root, TERMBASE_FILE), 'utf8');
  } catch {
    add('(file)', 'is missing; the Spanish termbase lists the Spanish term for every concept (see FORMAT.md, "Spanish: the termbase")');
    return { termbase: null, problems };
  }
  const yaml = parseYamlWithLines(text, 1);
  if (!yaml.ok) {
    add('(file)', yaml.message);
    return { termbase: null, problems };
  }
  const list = yaml.value;
  if (!Array.isArray(list)) {
    add('(file)', 'must be a YAML list of concepts (- id: …)');
    return { termbase: null, problems };
  }
  lineOf = yaml.lineOf;
  idAt = (i) => (typeof list[i]?.id === 'string' ? list[i].id : null);
  // each concept on its own: one broken concept is reported and left out, the others still check the files
  const concepts: Concept[] = [];
  const indexOf = new Map<Concept, number>();
  list.forEach((raw: unknown, i: number) => {
    const parsed = concept.safeParse(raw);
    if (parsed.success) {
      concepts.push(parsed.data);
      indexOf.set(parsed.data, i);
    } else for (const issue of parsed.error.issues) add([i, ...issue.path].join('.'), issue.message);
  });
  const ids = new Map<string, number>();
  const accepted = new Map<string, Set<string>>();
  const acceptedAt = new Map<string, string>();
  const forbidden: Termbase['forbidden'] = new Map();
  const aliasOnly: Termbase['aliasOnly'] = new Map();
  const forms = new Map<string, Concept>();
  concepts.forEach((c) => {
    const i = indexOf.get(c)!;
    if (ids.has(c.id)) add(`${i}.id`, `"${c.id}" is also the id of concept ${ids.get(c.id)}; concept ids are unique`);
    ids.set(c.id, i);
    [c.es, ...c.variants, ...c.alias_only].forEach((p, k) => {
      const key = aliasKey(p);
      const v = c.variants.length;
      const field = k === 0 ? `${i}.es` : k <= v ? `${i}.variants.${k - 1}` : `${i}.alias_only.${k - 1 - v}`;
      if (k > v) {
        const at = acceptedAt.get(key) ?? '';
        if (at === `${i}.es` || at.startsWith(`${i}.variants.`)) {
          add(field, `${quote(p)} is also ${at.endsWith('.es') ? 'the es' : 'a variant'} of ${c.id}; a phrase is either alias-only or for prose`);
        }
        aliasOnly.set(key, { concept: c, text: p });
      }
      const owners = accepted.get(key) ?? new Set<string>();
      const other = [...owners].find((o) => o !== c.id);
      if (other) add(field, `${quote(p)} is also listed for ${other} (${acceptedAt.get(key)}); one Spanish phrase stands for one concept`);
      owners.add(c.id);
      accepted.set(key, owners);
      if (!acceptedAt.has(key)) acceptedAt.set(key, field);
    });
    if (c.kind === 'form') {
      for (const text of [c.en, c.es, ...c.variants]) for (const m of text.matchAll(FORM_NUMBER)) forms.set(`${m[1]}-${m[2]}`, c);
    }
  });
  concepts.forEach((c) => {
    const i = indexOf.get(c)!;
    c.forbidden.forEach((f, k) => {
      const key = aliasKey(f.text);
      if (accepted.get(key)?.has(c.id)) add(`${i}.forbidden.${k}.text`, `${quote(f.text)} is also accepted for ${c.id}; a phrase is either accepted or forbidden for a concept`);
      forbidden.set(key, [...(forbidden.get(key) ?? []), { concept: c, text: f.text, reason: f.reason, use: f.use }]);
    });
  });
  const acronyms = new Set<string>();
  for (const c of concepts) {
    if (c.kind !== 'court' && c.kind !== 'agency' && c.kind !== 'office') continue;
    for (const text of [c.en, c.es, ...c.variants]) for (const m of text.matchAll(/\b\p{Lu}{2,6}\b/gu)) acronyms.add(aliasKey(m[0]));
  }
  const entries: MatcherEntry[] = [...new Set([...accepted.keys(), ...forbidden.keys()])].map((key) => [key, key, 0]);
  const matcher = compileMatcher(packIndex(entries));
  return { termbase: { concepts, accepted, aliasOnly, forbidden, forms, matcher, acronyms }, problems };
}

/** A Spanish file as the termbase checks see it. */
export interface SpanishFile {
  file: string;
  /** the term id, or null for a guide */
  termId: string | null;
  title: string;
  aliases: string[];
  summary: string;
  /** rendered body text */
  body: string;
}

/** Words right before a phrase that say what something is not: "no es libertad condicional" is not a use. */
const NEGATION = /(?:^|[^\p{L}])(?:no\s+(?:es|son|significa|significan|equivale\s+a|se\s+llama|es\s+lo\s+mismo\s+que)|no\s+(?:lo\s+|la\s+)?confund\p{L}*\s+con|ni|distint[oa]s?\s+de|diferente\s+de)\s+(?:(?:el|la|los|las|un|una|lo\s+que\s+se\s+llama)\s+)?["“«]?$/iu;

/** A quoted mention of what others call it: 'la prensa a veces la llama "orden de retención"' is not a use. */
const NAMED_AS = /(?:\bllam\p{L}*|\bdicen?|\bconocen?\s+como|\bescriben?|\btraducen?)\s+(?:\p{L}+\s+){0,3}["“«]$/iu;
const CLOSING_QUOTE = /^["”»]/u;

/** Head nouns of Spanish institution names (FORMAT.md). */
export const INSTITUTION_HEADS = [
  'Departamento', 'Oficina', 'Servicio', 'Tribunal', 'Corte', 'Junta', 'Agencia', 'Administración', 'División',
  'Sección', 'Fiscalía', 'Procuraduría', 'Centro', 'Comisión', 'Consejo',
] as const;
const HEADS = new Set<string>(INSTITUTION_HEADS);
/** Small words that may join the capitalised words of a name. */
const JOINERS = new Set(['de', 'del', 'la', 'las', 'el', 'los', 'y', 'e', 'para']);
/** Words of a name: capitalised words and abbreviations ("EE.", "UU."), acronyms included. */
const TOKEN = /[\p{L}\p{M}.’'-]+|[^\s\p{L}\p{M}.’'-]+/gu;
const isCapitalised = (w: string) => /^\p{Lu}/u.test(w);

const isWordToken = (w: string) => /^\p{L}/u.test(w);
/** A period after a word (not an abbreviation such as "EE." or "UU.") ends a sentence. */
const endsSentence = (w: string) => /\.$/.test(w) && !/^(?:\p{Lu}{1,2}\.)+$/u.test(w);
const CAPTION = new Set(['contra', 'v.', 'vs.', 'c.']);

/**
 * Capitalised phrases that begin with an institution head noun ("Departamento de Seguridad Nacional"), one line
 * at a time. A head noun inside a longer capitalised run ("Modelo de Oficial de Servicio de Órdenes", a heading
 * in title case) is not taken as a name, nor is a head noun alone ("Corte", "Centro de detención") or with a
 * one-letter word ("División C" of a law).
 */
export function institutionNames(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const tokens = [...line.matchAll(TOKEN)].map((m) => ({ w: m[0], at: m.index }));
    for (let i = 0; i < tokens.length; i++) {
      const head = tokens[i].w;
      if (!HEADS.has(head)) continue;
      // "… Oficial de Servicio …": the head noun continues a capitalised run that began before it
      let b = i - 1;
      while (b >= 0 && JOINERS.has(tokens[b].w)) b--;
      if (b >= 0 && b < i - 1 && isCapitalised(tokens[b].w) && isWordToken(tokens[b].w) && !endsSentence(tokens[b].w)) continue;
      let end = i; // last capitalised token of the name
      let j = i + 1;
      for (;;) {
        let k = j;
        while (k < tokens.length && JOINERS.has(tokens[k].w)) k++;
        if (k >= tokens.length || !isCapitalised(tokens[k].w) || !isWordToken(tokens[k].w)) break;
        // "… de Justicia y Departamento de …", "… Nacional y del Seguro Social": "y" before a head noun or an
        // article joins two names; inside one name it joins two capitalised words ("Inmigración y Control")
        const and = tokens.slice(j, k).findIndex((t) => t.w === 'y' || t.w === 'e');
        if (and >= 0 && (HEADS.has(tokens[k].w) || j + and + 1 < k)) break;
        // "la Corte Suprema Miranda contra Arizona": a case caption starts here
        if (k + 1 < tokens.length && CAPTION.has(tokens[k + 1].w)) break;
        if (tokens[k].w.replace(/\.$/, '').length < 2) break;
        end = k;
        j = k + 1;
        if (endsSentence(tokens[k].w)) break;
      }
      if (end === i) continue;
      const name = line.slice(tokens[i].at, tokens[end].at + tokens[end].w.length);
      out.push(/(?:^|\s)(?:\p{Lu}{1,2}\.)+$/u.test(name) ? name : name.replace(/[.’'-]+$/, ''));
      i = end;
    }
  }
  return out;
}

/** What may follow a listed name and still name the same institution (a country, a circuit, a district). */
const QUALIFIER = new RegExp(
  [
    '^(?:de los estados unidos|de estados unidos|de ee uu|de eeuu|federal)',
    '^(?:del|de la corte del) (?:primer|segundo|tercer|cuarto|quinto|sexto|septimo|octavo|noveno|decimo|undecimo|onceavo|duodecimo) circuito',
    '^(?:del|para el) circuito (?:federal|del distrito de columbia)',
    '^(?:para el|del) distrito (?:(?:norte|sur|este|oeste|central|medio) )?de [a-z]+(?: [a-z]+)?$',
  ].join('|'),
);
const LINK = /^(?:de la|de las|de los|del|de|para el|para la|para) /;

/** Whether a (normalised) institution name is a termbase phrase, possibly with a qualifier or a listed parent. */
function knownInstitution(tb: Termbase, key: string, depth = 0): boolean {
  if (tb.accepted.has(key)) return true;
  if (depth > 3) return false;
  const words = key.split(' ');
  for (let n = words.length - 1; n >= 1; n--) {
    const head = words.slice(0, n).join(' ');
    if (!tb.accepted.has(head)) continue;
    if (restIsQualified(tb, words.slice(n).join(' '), depth)) return true;
  }
  return false;
}

function restIsQualified(tb: Termbase, rest: string, depth: number): boolean {
  if (!rest) return true;
  const q = QUALIFIER.exec(rest);
  if (q) return restIsQualified(tb, rest.slice(q[0].length).trim(), depth);
  const link = LINK.exec(rest);
  if (!link) return false;
  const parent = rest.slice(link[0].length);
  // "… de ICE", "… del DOJ": a listed institution's acronym
  return tb.acronyms.has(parent) || knownInstitution(tb, parent, depth + 1);
}

/** The text of a form's title in a termbase phrase: "Formulario I-485, Solicitud de …" → "Solicitud de …". */
function formTitle(text: string): string {
  return text
    .replace(FORM_NUMBER, ' ')
    .replace(/\b(?:Formulario|Form)\b/gi, ' ')
    .replace(/["“”«»()]/g, ' ')
    .replace(/^[\s,:;—–-]+|[\s,:;—–-]+$/g, '')
    .trim();
}

/** A title written right next to a form number, quoted or as a run of capitalised words. */
const TITLE_WORDS = String.raw`\p{Lu}[\p{L}\p{M}]*(?:\s+(?:(?:de|del|la|las|el|los|y|o|e|u|para|por|a|al|en|con|contra|sobre|un|una|of|to|for|and|or|the|an|in|on|from|by)\s+)*\p{Lu}[\p{L}\p{M}]*)+`;
const TITLE_AFTER = new RegExp(String.raw`^\s*(?:,\s*|:\s*|\(\s*|\s[—–-]\s*)(?:["“«]([^"”»\n]{3,160})["”»]|(${TITLE_WORDS}))`, 'u');
const TITLE_BEFORE = /["“«]([^"”»\n]{3,160})["”»]\s*[,(]?\s*(?:(?:el|del|al)\s+)?(?:[Ff]ormulario\s+|Form\s+)?$/u;

/** Every termbase problem of one Spanish file. */
export function checkSpanishFile(tb: Termbase, f: SpanishFile, termbaseFile: string): GlossaryProblem[] {
  const problems: GlossaryProblem[] = [];
  const add = (field: string, message: string) => problems.push({ file: f.file, field, message });
  const fields: [string, string][] = [
    ['title', f.title],
    ...f.aliases.map((a, i): [string, string] => [`aliases.${i}`, a]),
    ['summary', f.summary],
    ['body', f.body],
  ];
  const prose = (field: string) => field === 'summary' || field === 'body';

  // forbidden variants (leftmost-longest: a longer accepted phrase around one hides it)
  for (const [field, text] of fields) {
    const seen = new Set<string>();
    for (const m of tb.matcher.find(text)) {
      const bans = tb.forbidden.get(m.id);
      if (!bans) continue;
      // a phrase another concept accepts is only forbidden where it would stand for the concept that bans it
      const relevant = tb.accepted.has(m.id) ? bans.filter((b) => b.concept.id === f.termId) : bans;
      if (!relevant.length) continue;
      const before = text.slice(Math.max(0, m.start - 40), m.start);
      if (prose(field) && (NEGATION.test(before) || (NAMED_AS.test(before) && CLOSING_QUOTE.test(text.slice(m.end))))) continue;
      if (seen.has(m.id)) continue;
      seen.add(m.id);
      const b = relevant[0];
      add(field, `uses ${quote(text.slice(m.start, m.end))}, which ${termbaseFile} forbids for ${b.concept.id} (${b.reason}); write ${quote(b.use)}`);
    }
  }

  // alias-only variants: pages say them, so entries list them as aliases; our titles and prose do not
  for (const [field, text] of fields.filter(([fl]) => !fl.startsWith('aliases.'))) {
    const seen = new Set<string>();
    for (const m of tb.matcher.find(text)) {
      const only = tb.aliasOnly.get(m.id);
      if (!only || seen.has(m.id)) continue;
      const before = text.slice(Math.max(0, m.start - 40), m.start);
      if (prose(field) && (NEGATION.test(before) || (NAMED_AS.test(before) && CLOSING_QUOTE.test(text.slice(m.end))))) continue;
      seen.add(m.id);
      add(field, `uses ${quote(text.slice(m.start, m.end))}, an alias-only variant of ${only.concept.id} in ${termbaseFile} (pages say it; our Spanish does not); write ${quote(only.concept.es)}`);
    }
  }

  // titles and aliases that are another concept's phrase
  if (f.termId) {
    for (const [field, text] of fields.filter(([fl]) => !prose(fl))) {
      for (const candidate of new Set([text, text.replace(/\s*\([^)]*\)\s*$/, '')])) {
        const owners = [...(tb.accepted.get(aliasKey(candidate)) ?? [])].filter((o) => o !== f.termId);
        if (owners.length) {
          add(field, `${quote(candidate)} is the termbase phrase of ${owners.join(', ')}, another concept; a title or alias names only its own term`);
          break;
        }
      }
    }
  }

  // forms: listed in the termbase, and no Spanish title but the official one
  const unknownForms = new Set<string>();
  for (const [field, text] of fields) {
    for (const m of text.matchAll(FORM_NUMBER)) {
      const number = `${m[1]}-${m[2]}`;
      const c = tb.forms.get(number);
      if (!c) {
        if (!unknownForms.has(number)) add(field, `names Form ${number}, which ${termbaseFile} does not list; add the form to the termbase (kind: form, with its official Spanish title and source, or unofficial: why none)`);
        unknownForms.add(number);
        continue;
      }
      if (field.startsWith('aliases.')) continue;
      const end = m.index + m[0].length;
      const after = TITLE_AFTER.exec(text.slice(end, end + 200));
      const before = TITLE_BEFORE.exec(text.slice(Math.max(0, m.index - 200), m.index));
      const given = after?.[1] ?? after?.[2] ?? before?.[1];
      if (!given) continue;
      // forms with no official Spanish title take none; the English title is not a Spanish one
      const official = c.source ? formTitle(c.es) : '';
      const spanish = c.source ? [official, ...c.variants.map(formTitle)] : [];
      const allowed = [...spanish, formTitle(c.en)].filter(Boolean).map(aliasKey);
      // the title itself, or its first words ("Notice of Appeal" for "Notice of Appeal from a Decision …")
      const key = aliasKey(given);
      if (allowed.some((a) => a === key || (key.includes(' ') && a.startsWith(key) && !/[\p{L}\p{N}]/u.test(a.charAt(key.length))))) continue;
      add(
        field,
        official
          ? `gives Form ${number} the title ${quote(given)}; its official Spanish title is ${quote(official)} (${termbaseFile}, ${c.id})`
          : `gives Form ${number} the title ${quote(given)}, but the form has no official Spanish title; write its number${formTitle(c.en) ? ` and, if needed, its English title ${quote(formTitle(c.en))}` : ''}`,
      );
    }
  }

  // institution names the termbase does not list
  for (const [field, text] of fields) {
    const seen = new Set<string>();
    for (const name of institutionNames(text)) {
      const key = aliasKey(name);
      if (seen.has(key)) continue;
      seen.add(key);
      if (knownInstitution(tb, key)) continue;
      // a forbidden phrase inside the name is reported above
      if (tb.matcher.find(name).some((m) => tb.forbidden.has(m.id))) continue;
      add(field, `names the institution ${quote(name)}, which ${termbaseFile} does not list; use the termbase's name for it, or add it to the termbase (as the Spanish to use or a variant)`);
    }
  }
  return problems;
}

/** Two Spanish term files with the same title (reported on the later file). */
export function checkSpanishTitles(files: { file: string; title: string }[]): GlossaryProblem[] {
  const problems: GlossaryProblem[] = [];
  const seen = new Map<string, string>();
  for (const f of files) {
    const key = aliasKey(f.title);
    const first = seen.get(key);
    if (first) problems.push({ file: f.file, field: 'title', message: `${quote(f.title)} is also the title of ${first}; one Spanish title names one term` });
    else seen.set(key, f.file);
  }
  return problems;
}

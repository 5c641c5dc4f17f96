// The matcher index (build time): the aliases of the term files and the longer proper names the matcher
// swallows (glossary/names.yaml). Problems are reported as `file: field: what is wrong`, like every other
// glossary check.
//
// glossary/names.yaml lists names that contain a term's alias but are not that term ("Immigration and
// Naturalization Service" is not naturalization): the matcher consumes such a name without showing a card.
// A name must contain an alias (or it changes nothing) and must not be an alias itself: once an entry
// claims the name, the entry wins, and the build asks for the name to be removed from the list.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { aliasForms, compileMatcher, isAcronymLike, packIndex, type MatcherEntry, type MatcherIndex } from '../runtime/matcher.ts';
import { aliasKey, normalizeText } from '../runtime/normalize.ts';
import type { ParsedFile } from './compile.ts';
import type { TermFrontMatter } from './schema.ts';

type Report = (file: string, field: string, message: string) => void;

const nameSchema = z.array(
  z.union([
    z.string().trim().min(2, 'is too short'),
    z
      .object({
        text: z.string().trim().min(2, 'is too short'),
        case: z.enum(['exact', 'any']).optional(),
        /** why the name is listed, or which entry should replace it */
        note: z.string().optional(),
      })
      .strict(),
  ]),
  { error: 'must be a list of names (strings, or { text, case, note })' },
);

/** A swallowed name as listed: its text and whether it matches only in the case written. */
export interface SwallowedName {
  text: string;
  exact: boolean;
  field: string;
}

/** The file of names the matcher swallows, under the glossary root. */
export const NAMES_FILE = 'names.yaml';

/** Reads glossary/names.yaml (a missing file means no names); reports what is malformed. */
export function readNames(root: string, report: Report): SwallowedName[] {
  const path = join(root, NAMES_FILE);
  if (!existsSync(path)) return [];
  const file = displayPath(root);
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(path, 'utf8')) ?? [];
  } catch (e) {
    report(file, '(file)', `is not valid YAML: ${(e as Error).message.split('\n')[0]}`);
    return [];
  }
  const parsed = nameSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) report(file, issue.path.length ? `names.${issue.path.join('.')}` : '(file)', issue.message);
    return [];
  }
  return parsed.data.map((n, i) => {
    const text = typeof n === 'string' ? n : n.text;
    const exact = typeof n === 'string' || !n.case ? isAcronymLike(text) : n.case === 'exact';
    return { text, exact, field: `names.${i}` };
  });
}

const displayPath = (root: string) => join(relative(process.cwd(), root) || root, NAMES_FILE);

/**
 * The shipped matcher index: `entries` (each normalised alias once, as compile.ts collects them) plus the
 * swallowed names of glossary/names.yaml. Reports names that contain no alias or equal one, and aliases
 * whose derived forms (variants.ts) read as another term's alias.
 */
export function buildMatcherIndex(root: string, terms: ParsedFile<TermFrontMatter>[], entries: MatcherEntry[], report: Report): MatcherIndex {
  const fileOf = new Map<string, string>();
  for (const f of terms) {
    for (const a of f.data.aliases) {
      const at = `${f.id}\u0000${aliasKey(typeof a === 'string' ? a : a.text)}`;
      if (!fileOf.has(at)) fileOf.set(at, f.file);
    }
  }

  // a derived form must not read as another term's alias: "INA 245" and "INA § 245" are one to the matcher
  const owner = new Map<string, { id: string; text: string }>();
  for (const [text, id] of entries) owner.set(aliasKey(text), { id, text });
  for (const [text, id, exact] of entries) {
    for (const k of aliasForms(text, exact).slice(1)) {
      const other = owner.get(k);
      if (other && other.id !== id) {
        report(fileOf.get(`${id}\u0000${aliasKey(text)}`) ?? id, 'aliases', `"${text}" also matches "${k}", which is an alias of ${other.id} ("${other.text}")`);
      }
    }
  }

  const names = readNames(root, report);
  const file = displayPath(root);
  const termsOnly = compileMatcher(packIndex(entries));
  const seen = new Set<string>();
  const kept: [string, 0 | 1][] = [];
  for (const name of names) {
    const key = aliasKey(name.text);
    if (!key) {
      report(file, name.field, 'is empty after normalisation');
      continue;
    }
    if (seen.has(key)) {
      report(file, name.field, `"${name.text}" is listed twice`);
      continue;
    }
    seen.add(key);
    const found = termsOnly.find(name.text);
    if (!found.length) {
      report(file, name.field, `"${name.text}" contains no alias of any term, so it changes nothing: remove it`);
      continue;
    }
    if (found.length === 1 && found[0].start === 0 && normalizeText(name.text.slice(found[0].end)) === '') {
      report(file, name.field, `"${name.text}" is an alias of ${found[0].id}: the entry wins; remove the name from this list`);
      continue;
    }
    kept.push([name.text, name.exact ? 1 : 0]);
  }
  return packIndex(entries, kept);
}

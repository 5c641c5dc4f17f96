// The review log (FORMAT.md, "Review log"): glossary/review-log/*.md hold one table row per review. Every term
// and guide needs a row whose `reviewed` equals its own, written and checked by different people.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { quote, type GlossaryProblem } from './problems.ts';

export const REVIEW_LOG_DIR = 'review-log';
export const REVIEW_LOG_COLUMNS = ['id', 'reviewed', 'writer', 'checker', 'checked against', 'changed', 'could not confirm'] as const;

export interface ReviewRow {
  file: string;
  line: number;
  id: string;
  reviewed: string;
  writer: string;
  checker: string;
}

export interface ReviewLog {
  rows: ReviewRow[];
  problems: GlossaryProblem[];
  /** false when the folder is missing or has no .md file */
  found: boolean;
}

const cells = (line: string) => {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  // a "\|" inside a cell is text, not a column break
  return inner.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
};
const isRow = (line: string) => line.trim().startsWith('|');
const isRule = (line: string) => /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line.trim());
const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** The names in a writer or checker cell: "helper W1, helper W2" → two names. */
export const people = (cell: string) =>
  cell.split(/\s*(?:[,;&+/]|\band\b|\by\b)\s*/).map(norm).filter(Boolean);

/**
 * Reads every table in `<root>/review-log/*.md`. A table whose header is the review-log header contributes rows;
 * a row with the wrong number of cells, an empty cell, a bad id or a bad date is a problem naming the file
 * and line. `displayDir` is the folder as shown in messages.
 */
export function readReviewLog(root: string, displayDir: string): ReviewLog {
  const dir = join(root, REVIEW_LOG_DIR);
  let names: string[];
  try {
    names = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
  } catch {
    names = [];
  }
  const rows: ReviewRow[] = [];
  const problems: GlossaryProblem[] = [];
  for (const name of names) {
    const file = join(displayDir, name);
    const lines = readFileSync(join(dir, name), 'utf8').split(/\r?\n/);
    /** outside a table, in a review table, or in a table whose header is wrong (its rows are not reviews) */
    let state: 'none' | 'reviews' | 'other' = 'none';
    lines.forEach((line, i) => {
      const at = `line ${i + 1}`;
      const add = (message: string) => problems.push({ file, field: at, message });
      if (!isRow(line)) {
        state = 'none';
        return;
      }
      if (isRule(line) || state === 'other') return;
      const c = cells(line);
      if (state === 'none') {
        // the first row of a table is its header
        const ok = c.map(norm).join('|') === REVIEW_LOG_COLUMNS.join('|');
        state = ok ? 'reviews' : 'other';
        if (!ok) add(`table header is ${quote(line)}; a review table has the columns | ${REVIEW_LOG_COLUMNS.join(' | ')} |`);
        return;
      }
      if (c.length !== REVIEW_LOG_COLUMNS.length) {
        return add(`has ${c.length} cells; a review row has ${REVIEW_LOG_COLUMNS.length} (${REVIEW_LOG_COLUMNS.join(', ')}); write — in an empty cell and \\| for a bar inside a cell`);
      }
      const [id, reviewed, writer, checker] = c;
      const empty = REVIEW_LOG_COLUMNS.filter((_, k) => !c[k]);
      if (empty.length) return add(`${empty.join(', ')} ${empty.length > 1 ? 'are' : 'is'} empty; fill every cell (— for none)`);
      if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) return add(`id ${quote(id)} is not a term or guide id (lowercase kebab-case)`);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(reviewed) || Number.isNaN(Date.parse(reviewed))) {
        return add(`reviewed ${quote(reviewed)} is not a date like 2026-11-29`);
      }
      rows.push({ file, line: i + 1, id, reviewed, writer, checker });
    });
  }
  return { rows, problems, found: names.length > 0 };
}

export interface ReviewedEntry {
  id: string;
  /** the file problems are reported on (the English file) */
  file: string;
  reviewed: string;
}

/** Every entry has a row for its `reviewed` date; that row's writer and checker are different people. */
export function checkReviewLog(log: ReviewLog, entries: ReviewedEntry[], displayDir: string): GlossaryProblem[] {
  const problems: GlossaryProblem[] = [...log.problems];
  if (!log.found) {
    problems.push({ file: displayDir, field: '(folder)', message: `has no review log; every term and guide needs a row in a ${REVIEW_LOG_DIR}/*.md table (see FORMAT.md, "Review log")` });
    return problems;
  }
  for (const row of log.rows) {
    const writers = people(row.writer);
    const same = people(row.checker).find((c) => writers.includes(c));
    if (same) {
      problems.push({ file: row.file, field: `line ${row.line}`, message: `${row.id}: the checker ${quote(same)} is also its writer; an entry is re-read by someone who did not write it` });
    }
  }
  for (const e of entries) {
    const rows = log.rows.filter((r) => r.id === e.id && r.reviewed === e.reviewed);
    if (!rows.length) {
      const other = log.rows.filter((r) => r.id === e.id).map((r) => r.reviewed);
      problems.push({
        file: e.file,
        field: 'reviewed',
        message: `${e.reviewed} has no row in ${displayDir} (id ${e.id}, reviewed ${e.reviewed})${other.length ? `; the log has ${other.join(', ')}` : ''}; log the review, or set reviewed to the logged date`,
      });
    }
  }
  return problems;
}

// What `npm run glossary:check` prints: every problem the build would fail on (the files a writer names come
// first, then the rest, so a new term's effect on guides is never hidden), and each summary's readability.
import { resolve } from 'node:path';
import type { CompiledGlossary } from './compile.ts';
import { formatProblem } from './problems.ts';
import { gradeEnglish, scoreSpanish } from './readability.ts';
import { READABILITY } from './readability-bars.ts';

export interface CheckReport {
  lines: string[];
  /** every problem in the glossary, named files or not: the number the build fails on */
  problems: number;
}

/**
 * `named` are the files given on the command line (any path that ends with a glossary file's path, or
 * resolves to it from `cwd`); none means all. Readability scores are shown for the named files only.
 */
export function checkReport(result: CompiledGlossary, named: string[], cwd = process.cwd()): CheckReport {
  const wanted = named.map((f) => resolve(cwd, f));
  const isNamed = (file: string) => !wanted.length || wanted.some((w) => resolve(cwd, file) === w || w.endsWith(`/${file}`) || file.endsWith(w));
  const lines: string[] = [];
  const known = new Set([...result.terms, ...result.guides].map((f) => resolve(cwd, f.file)));
  for (const w of wanted) if (!known.has(w) && ![...known].some((k) => w.endsWith(k) || k.endsWith(w))) lines.push(`note  ${w} is not a glossary file that compiled; its problems, if any, are listed below`);

  for (const f of result.terms) {
    if (!isNamed(f.file)) continue;
    if (f.lang === 'en') {
      lines.push(`score ${f.file}: summary: Flesch–Kincaid grade ${gradeEnglish(f.data.summary).toFixed(1)} (max ${READABILITY.en.maxEach}, aim ≤ 7)`);
    } else {
      lines.push(`score ${f.file}: summary: Fernández-Huerta ${scoreSpanish(f.data.summary).toFixed(1)} (min ${READABILITY.es.minEach}, aim ≥ 65)`);
    }
  }

  const mine = result.problems.filter((p) => isNamed(p.file));
  const others = result.problems.filter((p) => !isNamed(p.file));
  if (named.length) lines.push('', mine.length ? `In the files you named (${mine.length}):` : 'No problems in the files you named.');
  for (const p of mine) lines.push(`ERROR ${formatProblem(p)}`);
  if (others.length) {
    lines.push('', `Elsewhere in the glossary, also failing the build (${others.length}):`);
    for (const p of others) lines.push(`ERROR ${formatProblem(p)}`);
  }

  const en = result.terms.filter((f) => f.lang === 'en').map((f) => gradeEnglish(f.data.summary));
  const es = result.terms.filter((f) => f.lang === 'es').map((f) => scoreSpanish(f.data.summary));
  const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
  const total = result.problems.length;
  lines.push(
    '',
    `${result.terms.length} term files, ${result.guides.length} guide files.`,
    `Average English grade ${avg(en).toFixed(2)} (max ${READABILITY.en.maxAverage}); average Spanish score ${avg(es).toFixed(2)} (min ${READABILITY.es.minAverage}).`,
    total ? `${total} problem(s): the build fails until they are fixed.` : 'No problems.',
  );
  return { lines, problems: total };
}

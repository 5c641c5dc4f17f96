// `npm run glossary:check [-- files…]`: every validation problem plus each summary's readability score,
// so writers see everything at once instead of one build failure at a time.
import { resolve } from 'node:path';
import { compileGlossary, formatProblem } from './compile.ts';
import { gradeEnglish, scoreSpanish } from './readability.ts';
import { READABILITY } from './readability-bars.ts';

const root = resolve(import.meta.dirname, '..');
const only = process.argv.slice(2).map((f) => resolve(f));
const result = compileGlossary(root, root);
const wanted = (file: string) => !only.length || only.some((o) => resolve(process.cwd(), file) === o || o.endsWith(file));

let failures = 0;
for (const p of result.problems) {
  if (!wanted(p.file)) continue;
  failures++;
  console.log(`ERROR ${formatProblem(p)}`);
}
for (const f of result.terms) {
  if (!wanted(f.file)) continue;
  if (f.lang === 'en') {
    const grade = gradeEnglish(f.data.summary);
    const bad = grade > READABILITY.en.maxEach;
    if (bad) failures++;
    console.log(`${bad ? 'ERROR' : 'ok   '} ${f.file}: summary: Flesch–Kincaid grade ${grade.toFixed(1)} (max ${READABILITY.en.maxEach}, aim ≤ 7)`);
  } else {
    const score = scoreSpanish(f.data.summary);
    const bad = score < READABILITY.es.minEach;
    if (bad) failures++;
    console.log(`${bad ? 'ERROR' : 'ok   '} ${f.file}: summary: Fernández-Huerta ${score.toFixed(1)} (min ${READABILITY.es.minEach}, aim ≥ 65)`);
  }
}
const en = result.terms.filter((f) => f.lang === 'en').map((f) => gradeEnglish(f.data.summary));
const es = result.terms.filter((f) => f.lang === 'es').map((f) => scoreSpanish(f.data.summary));
const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
console.log(`\n${result.terms.length} term files, ${result.guides.length} guide files.`);
console.log(`Average English grade ${avg(en).toFixed(2)} (max ${READABILITY.en.maxAverage}); average Spanish score ${avg(es).toFixed(2)} (min ${READABILITY.es.minAverage}).`);
console.log(failures ? `${failures} problem(s).` : 'No problems.');
process.exitCode = failures ? 1 : 0;

// `npx tsx tests/bench/startup.ts [--runs 9] [--factors 1,3,5] [--baseline <git rev>]`: what building the
// matcher costs a page at start-up, for the real glossary's aliases and for synthetic glossaries 3× and 5×
// its size (tests/bench/synthetic-glossary.ts). The matcher is bundled (as in the content script) and each
// measurement runs in a fresh Node process, so the first compileMatcher call is cold, as on a page load;
// the warm figure is the median of later calls, and "interpreter only" the fastest call with V8's compilers
// off (a steady proxy for the cold cost on a busy machine). With --baseline, the same figures for the matcher of an
// earlier commit, packed by its own packIndex. Prints medians and index sizes (JSON bytes per distinct
// normalised alias, the count the figures use).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { compileGlossary } from '../../glossary/build/compile.ts';
import { aliasKey } from '../../glossary/runtime/normalize.ts';
import { syntheticAliases, vocabulary, writtenAliases } from './synthetic-glossary.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const RUNS = Number(arg('runs', '9'));
const FACTORS = arg('factors', '1,3,5').split(',').map(Number);
const BASELINE = arg('baseline', '');

const work = mkdtempSync(join(tmpdir(), 'legal-lens-startup-'));

/** Bundles glossary/runtime/matcher.ts (of the work tree, or of a commit) into one ES module; returns its path. */
async function bundle(rev: string | null): Promise<string> {
  let entry = join(ROOT, 'glossary/runtime/matcher.ts');
  if (rev) {
    const dir = join(work, `src-${rev}`);
    mkdirSync(dir, { recursive: true });
    const files = execFileSync('git', ['ls-tree', '--name-only', rev, 'glossary/runtime/'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter((f) => f.endsWith('.ts'));
    for (const f of files) writeFileSync(join(dir, f.split('/').pop()!), execFileSync('git', ['show', `${rev}:${f}`], { cwd: ROOT }));
    entry = join(dir, 'matcher.ts');
  }
  const outfile = join(work, `matcher-${rev ?? 'current'}.mjs`);
  await build({ entryPoints: [entry], bundle: true, format: 'esm', target: 'es2022', minify: true, outfile, logLevel: 'error' });
  return outfile;
}

const CHILD = join(work, 'child.mjs');
writeFileSync(CHILD, `
const [bundle, indexFile] = process.argv.slice(2);
const { compileMatcher } = await import(bundle);
const { readFileSync } = await import('node:fs');
const index = JSON.parse(readFileSync(indexFile, 'utf8'));
let t = performance.now();
compileMatcher(index);
const cold = performance.now() - t;
const warm = [];
for (let i = 0; i < 15; i++) { t = performance.now(); compileMatcher(index); warm.push(performance.now() - t); }
warm.sort((a, b) => a - b);
console.log(JSON.stringify({ cold, warm: warm[7], fastest: warm[0] }));
`);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const glossary = compileGlossary(join(ROOT, 'glossary'));
const real = writtenAliases(glossary);
const vocab = vocabulary(glossary);
const labels: [string, string | null][] = [['current', null], ...(BASELINE ? [[`baseline ${BASELINE}`, BASELINE] as [string, string]] : [])];
const impls = await Promise.all(labels.map(async ([label, rev]) => {
  const file = await bundle(rev);
  return { label, href: pathToFileURL(file).href, mod: await import(pathToFileURL(file).href) };
}));

const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as { cold: number; warm: number; fastest: number };
};

console.log(`compileMatcher start-up, ${RUNS} fresh processes each, implementations interleaved (Node ${process.version}); ` +
  `real glossary: ${real.length} aliases as written`);
for (const factor of FACTORS) {
  const all = [...real, ...syntheticAliases(real, factor - 1, 7, vocab)];
  const distinct = new Set(all.map((a) => aliasKey(a.text))).size;
  const files = impls.map((impl) => {
    const index = impl.mod.packIndex(all.map((a) => [a.text, a.id, a.exact ? 1 : 0]));
    const file = join(work, `index-${impl.label.replace(/\W/g, '')}-${factor}.json`);
    writeFileSync(file, JSON.stringify(index));
    return { file, bytes: JSON.stringify(index).length, lines: impl.mod.unpackIndex(index).length as number };
  });
  const cold = impls.map(() => [] as number[]);
  const warm = impls.map(() => [] as number[]);
  for (let i = 0; i < RUNS; i++) {
    impls.forEach((impl, k) => {
      const r = run([CHILD, impl.href, files[k].file]);
      cold[k].push(r.cold);
      warm[k].push(r.warm);
    });
  }
  impls.forEach((impl, k) => {
    // the same in V8's interpreter only: slower, but steady on a busy machine, and close to what a cold call runs
    const steady = run(['--no-opt', '--no-sparkplug', '--no-maglev', CHILD, impl.href, files[k].file]).fastest;
    console.log(
      `${impl.label.padEnd(20)} ${String(factor).padStart(2)}×: ${all.length} aliases as written (${distinct} distinct), ${files[k].lines} lines shipped, ` +
      `index ${files[k].bytes} B (${(files[k].bytes / all.length).toFixed(1)} B per alias written), ` +
      `compileMatcher cold ${median(cold[k]).toFixed(2)} ms (fastest ${Math.min(...cold[k]).toFixed(2)}), warm ${median(warm[k]).toFixed(2)} ms, ` +
      `interpreter only ${steady.toFixed(2)} ms`,
    );
  });
}

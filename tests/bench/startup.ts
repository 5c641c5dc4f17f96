// `npx tsx tests/bench/startup.ts [--runs 9] [--factors 1,3,5] [--baseline <git rev>] [--where node,chromium]`:
// what reading the shipped glossary and building the matcher cost a page at start-up, for the real glossary's
// aliases and for synthetic glossaries 3× and 5× its size (tests/bench/synthetic-glossary.ts). The start-up
// code is bundled (as in the content script) and each measurement runs cold: in a fresh Node process, or in a
// fresh browser context of Debian's Chromium (whose DecompressionStream is the one pages get; Node's is
// written in JavaScript on top of zlib). Figures: "inflate" (decode the text, inflate, read the payload; zero
// for an implementation that ships the index as a plain object), "compile" (compileMatcher), their sum; in
// Node also the warm median and "interpreter only", the fastest call with V8's compilers off (a steady proxy
// for the cold cost on a busy machine). With --baseline, the same for an earlier commit's code, packed by its
// own packIndex (and deflateShippedGlossary where it has one). Sizes are what the content script carries:
// UTF-8 bytes of the string literal or object literal, and per alias as written.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { compileGlossary } from '../../glossary/build/compile.ts';
import { aliasKey } from '../../glossary/runtime/normalize.ts';
import { findChromium } from '../browser/harness.ts';
import { syntheticAliases, vocabulary, writtenAliases } from './synthetic-glossary.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const RUNS = Number(arg('runs', '9'));
const FACTORS = arg('factors', '1,3,5').split(',').map(Number);
const BASELINE = arg('baseline', '');
const WHERE = arg('where', 'node,chromium').split(',');

const work = mkdtempSync(join(tmpdir(), 'legal-lens-startup-'));

/** The source files an implementation needs, from the work tree (rev null) or a commit; returns its root. */
function sources(rev: string | null): string {
  if (!rev) return ROOT;
  const dir = join(work, `src-${rev.replace(/\W/g, '')}`);
  const files = execFileSync('git', ['ls-tree', '-r', '--name-only', rev, 'glossary/runtime/', 'glossary/build/shipped-glossary.ts'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter((f) => f.endsWith('.ts'));
  for (const f of files) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    writeFileSync(join(dir, f), execFileSync('git', ['show', `${rev}:${f}`], { cwd: ROOT }));
  }
  return dir;
}

interface Impl {
  label: string;
  /** whether it ships the deflated glossary (glossary/runtime/shipped-glossary.ts) or the index as an object */
  shipped: boolean;
  /** ES module for Node: legalLensStartup(data) → { inflate, compile } ms */
  node: string;
  /** the same as a classic script for a page: sets globalThis.legalLensStartup */
  page: string;
  /** packs aliases as this implementation ships them */
  pack: (entries: [string, string, 0 | 1][]) => unknown;
}

/** Bundles an implementation's start-up path (and its packer) from `root`. */
async function implementation(label: string, root: string): Promise<Impl> {
  const shipped = existsSync(join(root, 'glossary/runtime/shipped-glossary.ts'));
  const runtime = join(root, 'glossary/runtime');
  const entry = join(work, `entry-${label.replace(/\W/g, '')}.ts`);
  writeFileSync(entry, shipped
    ? `import { inflateShippedGlossary } from ${JSON.stringify(join(runtime, 'shipped-glossary.ts'))};
       import { compileMatcher } from ${JSON.stringify(join(runtime, 'matcher.ts'))};
       export async function legalLensStartup(data) {
         const t0 = performance.now();
         const { index } = await inflateShippedGlossary(data);
         const t1 = performance.now();
         compileMatcher(index);
         return { inflate: t1 - t0, compile: performance.now() - t1 };
       }
       globalThis.legalLensStartup = legalLensStartup;`
    : `import { compileMatcher } from ${JSON.stringify(join(runtime, 'matcher.ts'))};
       export async function legalLensStartup(data) {
         const t1 = performance.now();
         compileMatcher(data);
         return { inflate: 0, compile: performance.now() - t1 };
       }
       globalThis.legalLensStartup = legalLensStartup;`);
  const out = (format: 'esm' | 'iife') => join(work, `startup-${label.replace(/\W/g, '')}.${format === 'esm' ? 'mjs' : 'js'}`);
  for (const format of ['esm', 'iife'] as const) {
    await build({ entryPoints: [entry], bundle: true, format, target: 'es2022', minify: true, outfile: out(format), logLevel: 'error' });
  }
  // the packer runs here, in Node: the implementation's packIndex, and its deflate where it ships one
  const packerEntry = join(work, `packer-${label.replace(/\W/g, '')}.ts`);
  writeFileSync(packerEntry, shipped
    ? `import { packIndex } from ${JSON.stringify(join(runtime, 'matcher.ts'))};
       import { deflateShippedGlossary } from ${JSON.stringify(join(root, 'glossary/build/shipped-glossary.ts'))};
       export const pack = (entries) => { const index = packIndex(entries); return deflateShippedGlossary(index, Object.fromEntries(index.ids.map((id) => [id, 'court']))); };`
    : `import { packIndex } from ${JSON.stringify(join(runtime, 'matcher.ts'))};
       export const pack = (entries) => packIndex(entries);`);
  const packer = join(work, `packer-${label.replace(/\W/g, '')}.mjs`);
  await build({ entryPoints: [packerEntry], bundle: true, platform: 'node', format: 'esm', target: 'es2022', outfile: packer, logLevel: 'error' });
  const { pack } = (await import(pathToFileURL(packer).href)) as { pack: Impl['pack'] };
  return { label, shipped, node: pathToFileURL(out('esm')).href, page: readFileSync(out('iife'), 'utf8'), pack };
}

const CHILD = join(work, 'child.mjs');
writeFileSync(CHILD, `
const [bundle, dataFile] = process.argv.slice(2);
const { legalLensStartup } = await import(bundle);
const { readFileSync } = await import('node:fs');
const data = JSON.parse(readFileSync(dataFile, 'utf8'));
const cold = await legalLensStartup(data);
const warm = [];
for (let i = 0; i < 15; i++) { const r = await legalLensStartup(data); warm.push(r.inflate + r.compile); }
warm.sort((a, b) => a - b);
console.log(JSON.stringify({ cold, warm: warm[7], fastest: warm[0] }));
`);

type Timing = { inflate: number; compile: number };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const f2 = (x: number) => x.toFixed(2);

const runNode = (args: string[]) => {
  const r = spawnSync(process.execPath, [...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as { cold: Timing; warm: number; fastest: number };
};

/** One cold start-up in a fresh browser context of Chromium. */
async function runPage(browser: Browser, impl: Impl, data: unknown): Promise<Timing> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addScriptTag({ content: impl.page });
    return await page.evaluate((d) => (globalThis as unknown as { legalLensStartup: (d: unknown) => Promise<Timing> }).legalLensStartup(d), data);
  } finally {
    await context.close();
  }
}

const glossary = compileGlossary(join(ROOT, 'glossary'));
const real = writtenAliases(glossary);
const vocab = vocabulary(glossary);
const impls = [await implementation('current', sources(null)), ...(BASELINE ? [await implementation(`baseline ${BASELINE}`, sources(BASELINE))] : [])];
const browser = WHERE.includes('chromium') ? await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox'] }) : null;

console.log(`Start-up of the matcher, ${RUNS} cold runs each, implementations interleaved (${WHERE.join(' and ')}; Node ${process.version}` +
  `${browser ? `, Chromium ${browser.version()}` : ''}); real glossary: ${real.length} aliases as written`);
try {
  for (const factor of FACTORS) {
    const all = [...real, ...syntheticAliases(real, factor - 1, 7, vocab)];
    const entries = all.map((a): [string, string, 0 | 1] => [a.text, a.id, a.exact ? 1 : 0]);
    const distinct = new Set(all.map((a) => aliasKey(a.text))).size;
    const data = impls.map((impl, k) => {
      const packed = impl.pack(entries);
      const file = join(work, `data-${k}-${factor}.json`);
      writeFileSync(file, JSON.stringify(packed));
      // what the content script carries: the literal's UTF-8 bytes
      return { packed, file, bytes: Buffer.byteLength(JSON.stringify(packed)) };
    });
    const node = impls.map(() => [] as Timing[]);
    const page = impls.map(() => [] as Timing[]);
    const warm = impls.map(() => [] as number[]);
    for (let i = 0; i < RUNS; i++) {
      for (let k = 0; k < impls.length; k++) {
        if (WHERE.includes('node')) {
          const r = runNode([CHILD, impls[k].node, data[k].file]);
          node[k].push(r.cold);
          warm[k].push(r.warm);
        }
        if (browser) page[k].push(await runPage(browser, impls[k], data[k].packed));
      }
    }
    const show = (ts: Timing[]) =>
      `inflate ${f2(median(ts.map((t) => t.inflate)))} + compile ${f2(median(ts.map((t) => t.compile)))} = ${f2(median(ts.map((t) => t.inflate + t.compile)))} ms`;
    impls.forEach((impl, k) => {
      console.log(`${impl.label.padEnd(20)} ${String(factor).padStart(2)}×: ${all.length} aliases as written (${distinct} distinct); ` +
        `ships ${data[k].bytes} B (${(data[k].bytes / all.length).toFixed(1)} B per alias written${impl.shipped ? ', deflated' : ''})`);
      if (WHERE.includes('node')) {
        // V8's interpreter only: slower, but steady on a busy machine, and close to what a cold call runs
        const steady = runNode(['--no-opt', '--no-sparkplug', '--no-maglev', CHILD, impl.node, data[k].file]).fastest;
        console.log(`${''.padEnd(25)} Node cold: ${show(node[k])}; warm ${f2(median(warm[k]))} ms; interpreter only ${f2(steady)} ms`);
      }
      if (browser) console.log(`${''.padEnd(25)} Chromium cold: ${show(page[k])}`);
    });
  }
} finally {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
}

// `npx tsx tests/bench/startup.ts [--runs 7] [--factors 1,3,5]`: what the glossary costs at start-up, for the
// real glossary and for synthetic glossaries 3× and 5× its size (tests/bench/synthetic-glossary.ts), each
// measurement cold, in a fresh browser context of Debian's Chromium:
// - the background, once per life of its service worker: inflating the shipped glossary and filing its keys by
//   head, with the heads' filter (glossary/runtime/head-index.ts, loadHeadIndex);
// - a page, in its content script (glossary/runtime/paged-matcher.ts): reading the filter, testing the words of
//   the term-free benchmark article (generate-page.ts), and for the article with a dozen terms also fetching the
//   keys of its heads and matching the blocks that may hold a term. Answers come from a HeadIndex built
//   beforehand and go through JSON, as over the extension's messaging; the time they travel is not counted.
// Prints medians (min–max) and what the page needed (heads asked for, keys loaded, blocks matched).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { compileGlossary } from '../../glossary/build/compile.ts';
import { deflateShippedGlossary } from '../../glossary/build/shipped-glossary.ts';
import { findChromium } from '../browser/harness.ts';
import { generateArticle } from './generate-page.ts';
import { writeSyntheticGlossary } from './synthetic-glossary.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
};
const RUNS = Number(arg('runs', '7'));
const FACTORS = arg('factors', '1,3,5').split(',').map(Number);
const DOZEN = ['ICE', 'detainer', 'racial profiling', 'Fourth Amendment', 'class action', 'asylum', 'immigration judge', 'green card', 'DACA', 'habeas corpus', 'USCIS', 'qualified immunity'];

const work = mkdtempSync(join(tmpdir(), 'legal-lens-startup-'));
const entry = join(work, 'entry.ts');
writeFileSync(entry, `
import { HeadIndex, loadHeadIndex } from ${JSON.stringify(join(ROOT, 'glossary/runtime/head-index.ts'))};
import { PagedMatcher } from ${JSON.stringify(join(ROOT, 'glossary/runtime/paged-matcher.ts'))};
const json = (x) => JSON.parse(JSON.stringify(x));
globalThis.background = async (shipped) => {
  const t0 = performance.now();
  const index = await loadHeadIndex(shipped);
  return { ms: performance.now() - t0, heads: index.size };
};
globalThis.page = async (shipped, blocks) => {
  const index = await loadHeadIndex(shipped);
  const filter = json(index.filter());
  let waited = 0;
  const source = {
    filter: async () => filter,
    heads: async (heads) => { const t = performance.now(); const r = json(index.lookup(heads)); waited += performance.now() - t; return r; },
  };
  const t0 = performance.now();
  const m = new PagedMatcher(source);
  await m.ready();
  const maybe = blocks.filter((b) => m.mayMatch(b));
  const loading = m.load();
  if (loading) await loading;
  let found = 0;
  for (const b of maybe) found += m.find(b).length;
  return { ms: performance.now() - t0 - waited, blocks: maybe.length, heads: m.counts.heads, keys: m.counts.keys, found };
};
`);
const bundle = join(work, 'bundle.js');
await build({ entryPoints: [entry], bundle: true, format: 'iife', target: 'es2022', minify: true, outfile: bundle, logLevel: 'error' });
const script = readFileSync(bundle, 'utf8');

/** The paragraphs and headings of a generated article, as the content script's blocks. */
const blocksOf = (html: string) => [...html.matchAll(/<(p|h2)>(.*?)<\/\1>/g)].map((m) => m[2].replace(/<[^>]+>/g, ''));
const pages = { 'term-free article': blocksOf(generateArticle()), 'dozen terms': blocksOf(generateArticle({ terms: DOZEN })) };

const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox'] });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const show = (xs: number[]) => `${median(xs).toFixed(2)} ms (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)})`;

/** One cold call of `fn` in a fresh browser context. */
async function cold<T>(fn: string, ...args: unknown[]): Promise<T> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addScriptTag({ content: script });
    return (await page.evaluate(([name, a]) => (globalThis as unknown as Record<string, (...x: unknown[]) => Promise<unknown>>)[name as string](...(a as unknown[])), [fn, args] as const)) as T;
  } finally {
    await context.close();
  }
}

console.log(`Glossary start-up, ${RUNS} cold runs each in fresh contexts of Chromium ${browser.version()}; medians (min–max)`);
try {
  const real = join(ROOT, 'glossary');
  for (const factor of FACTORS) {
    const root = factor === 1 ? real : join(work, `glossary-${factor}x`);
    if (factor !== 1) writeSyntheticGlossary(real, root, factor);
    const g = compileGlossary(root);
    const shipped = deflateShippedGlossary(g.matcherIndex, Object.fromEntries(g.matcherIndex.ids.map((id) => [id, g.cards[id].category])));
    const bg: { ms: number; heads: number }[] = [];
    const pg: Record<string, { ms: number; blocks: number; heads: number; keys: number; found: number }[]> = {};
    for (let i = 0; i < RUNS; i++) {
      bg.push(await cold('background', shipped));
      for (const [name, blocks] of Object.entries(pages)) (pg[name] ??= []).push(await cold('page', shipped, blocks));
    }
    console.log(`${factor}×: ${g.entries.length} aliases, ${bg[0].heads} heads; shipped glossary ${shipped.length} B`);
    console.log(`    background, once: inflate and file by head ${show(bg.map((r) => r.ms))}`);
    for (const [name, runs] of Object.entries(pg)) {
      const r = runs[0];
      console.log(`    page, ${name}: ${show(runs.map((x) => x.ms))}; ${r.blocks} of ${pages[name as keyof typeof pages].length} blocks matched, ${r.heads} heads asked for, ${r.keys} keys loaded, ${r.found} matches`);
    }
  }
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}

// `npm run bench`: Legal Lens against the cost of merely reading a page's text, and against mark.js, in real
// Chromium with the built extension. Prints six figures (a–f) with ratios and the targets of issue #4.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { compileGlossary } from '../../glossary/build/compile.ts';
import { unpackIndex } from '../../glossary/runtime/matcher.ts';
import { ARTIFACTS, EXTENSION_DIR, ROOT, findChromium, launchWithExtension, startServer, type ChromeForTests, type ExtensionBrowser } from '../browser/harness.ts';
import type { PageStatsResponse } from '../../utils/messages.ts';
import { generatePage, generatePlainPage } from './generate-page.ts';

const MARKJS_LIMIT_MS = Number(process.env.MARKJS_LIMIT_MS ?? 120_000);
const RUNS = 3;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;

// ── the page ────────────────────────────────────────────────────────────────────────────────────────────
const glossary = compileGlossary(resolve(ROOT, 'glossary'));
const aliases = [...new Set(unpackIndex(glossary.matcherIndex).map(([alias]) => alias))];
// the phrases written into the page: the glossary's most common real-world forms
const pageTerms = [
  '287(g)', 'writ of mandamus', 'mandamus', 'racial profiling', 'civil rights', 'ICE', 'USCIS', 'DHS',
  'Immigration and Nationality Act', 'detainer', 'Notice to Appear', 'removal proceedings', 'asylum', 'TPS', 'DACA',
  'Fourth Amendment', 'probable cause', 'reasonable suspicion', 'class action', 'injunction', 'preliminary injunction',
  'consent decree', '§ 1983', 'qualified immunity', 'habeas corpus', 'green card', 'Form I-485', 'I-130', 'N-400',
  'naturalization', 'immigration judge', 'Board of Immigration Appeals', 'sanctuary jurisdiction', 'Secure Communities',
  'Equal Protection Clause', 'Title VI', 'pro bono', 'know your rights', 'USCIS processing times', 'request for evidence',
];
const page = generatePage({ terms: pageTerms, minChars: 2_000_000, minTextNodes: 50_000, minOccurrences: 5_000 });
const dir = mkdtempSync(join(tmpdir(), 'legal-lens-bench-'));
writeFileSync(join(dir, 'big.html'), page.html);
writeFileSync(join(dir, 'plain.html'), generatePlainPage());
const { server, url } = await startServer({ bench: dir });

console.log(`Legal Lens benchmark — ${new Date().toISOString()}`);
console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, ${findChromium()}`);
console.log(`Page: ${(page.html.length / 1e6).toFixed(2)} MB of HTML, ${(page.textChars / 1e6).toFixed(2)} M characters of text, ` +
  `${page.textNodes} text nodes, ${page.occurrences} term occurrences; glossary: ${aliases.length} aliases\n`);

// ── (a) floor, (b) Legal Lens, (d) longest task ─────────────────────────────────────────────────────────
async function installLongTaskObserver(p: Page) {
  await p.addInitScript(() => {
    const tasks: { start: number; duration: number }[] = [];
    const frames: { start: number; duration: number }[] = [];
    (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
    (window as unknown as { __frames: typeof frames }).__frames = frames;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    // long animation frames also cover the page's own rendering
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { scripts?: { sourceURL: string; duration: number }[] })[]) {
        frames.push({ start: e.startTime, duration: e.duration });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  });
}

/**
 * Waits for the content script's first full scan of `p` to be painted and reads what it cost. The content
 * script tells only its own extension (a `legal-lens:page-stats` message from the service worker), never the page.
 */
async function waitForPainted(ext: ExtensionBrowser, p: Page, timeout = 60_000) {
  const deadline = Date.now() + timeout;
  let stats: PageStatsResponse = null;
  while (!stats) {
    if (Date.now() > deadline) throw new Error(`not painted within ${timeout} ms`);
    stats = await ext.worker.evaluate(async (pageUrl) => {
      const api = (globalThis as unknown as { chrome: ChromeForTests }).chrome;
      const tab = (await api.tabs.query({})).find((t) => t.url === pageUrl);
      if (tab?.id === undefined) return null;
      return (await api.tabs.sendMessage(tab.id, { type: 'legal-lens:page-stats' }, { frameId: 0 }).catch(() => null)) as PageStatsResponse;
    }, p.url());
    if (!stats) await new Promise((r) => setTimeout(r, 50));
  }
  return p.evaluate((painted) => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const tasks = (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks;
    const within = (t: { start: number; duration: number }) => t.start + t.duration >= nav.domContentLoadedEventStart && t.start <= painted.paintedAt;
    const during = tasks.filter(within);
    const frames = (window as unknown as { __frames: { start: number; duration: number }[] }).__frames.filter(within);
    return {
      sinceDcl: painted.paintedAt - nav.domContentLoadedEventStart,
      busyMs: painted.busyMs,
      longestSlice: painted.longestSliceMs,
      matches: CSS.highlights.get('legal-lens-underline')?.size ?? 0,
      longestTask: during.reduce((m, t) => Math.max(m, t.duration), 0),
      longTasks: during.length,
      longestFrame: frames.reduce((m, f) => Math.max(m, f.duration), 0),

    };
  }, stats);
}

/** A bare TreeWalker that reads every text node's data: the cost of merely reading the page's text. */
const FLOOR = `(() => {
  const t0 = performance.now();
  let sink = 0;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) sink += n.data.length;
  globalThis.__sink = sink;
  return performance.now() - t0;
})()`;

/**
 * The floor, measured cold on a freshly loaded page, both in the page's own world and in a content script's
 * isolated world (where any extension must read the page from: DOM access there costs more). The extension
 * is switched off for this, so its own scan does not warm anything up.
 */
async function measureFloor(): Promise<{ isolated: number; main: number; mainWarm: number }> {
  const ext = await launchWithExtension();
  const options = await ext.context.newPage();
  await options.goto(ext.extensionUrl('options.html'));
  await options.evaluate(() => (globalThis as unknown as { chrome: ChromeForTests }).chrome.storage.sync.set({ settings: { enabled: false } }));
  const result = { isolated: 0, main: 0, mainWarm: 0 };
  for (const world of ['isolated', 'main'] as const) {
    const p = await ext.context.newPage();
    const cdp = await ext.context.newCDPSession(p);
    const contexts: { id: number; auxData?: { type?: string; isDefault?: boolean } }[] = [];
    cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context as (typeof contexts)[number]));
    await cdp.send('Runtime.enable');
    await p.goto(url('/bench/big.html'), { waitUntil: 'load', timeout: 120_000 });
    await p.waitForTimeout(500);
    const context = [...contexts].reverse().find((c) => (world === 'isolated' ? c.auxData?.type === 'isolated' : c.auxData?.isDefault));
    if (!context) throw new Error(`no ${world} world found`);
    const run = async () => ((await cdp.send('Runtime.evaluate', { expression: FLOOR, contextId: context.id, returnByValue: true })) as { result: { value: number } }).result.value;
    result[world] = await run();
    if (world === 'main') result.mainWarm = median([await run(), await run(), await run()]);
    await p.close();
  }
  await ext.close();
  return result;
}

const floorRuns: Awaited<ReturnType<typeof measureFloor>>[] = [];
const runs: Awaited<ReturnType<typeof waitForPainted>>[] = [];
for (let i = 0; i < RUNS; i++) {
  floorRuns.push(await measureFloor());
  const ext = await launchWithExtension();
  const p = await ext.context.newPage();
  await installLongTaskObserver(p);
  await p.goto(url('/bench/big.html'), { waitUntil: 'domcontentloaded', timeout: 120_000 });
  runs.push(await waitForPainted(ext, p));
  await ext.close();
}
const a = median(floorRuns.map((f) => f.isolated));
const aMain = median(floorRuns.map((f) => f.main));
const aMainWarm = median(floorRuns.map((f) => f.mainWarm));
const best = runs.sort((x, y) => x.sinceDcl - y.sinceDcl)[Math.floor(runs.length / 2)];
const b = best.sinceDcl;
const d = Math.max(...runs.map((r) => r.longestTask));
const dFrame = Math.max(...runs.map((r) => r.longestFrame));
const dOwn = Math.max(...runs.map((r) => r.longestSlice));

// ── (c) mark.js on the same page and alias list, keyword by keyword, stopped after two minutes ───────────
const plain = await chromium.launch({ executablePath: findChromium(), headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const mp = await plain.newPage();
await mp.addInitScript('globalThis.__name = globalThis.__name || ((f) => f);');
await mp.goto(url('/bench/big.html'), { waitUntil: 'load', timeout: 120_000 });
await mp.addScriptTag({ path: resolve(ROOT, 'node_modules/mark.js/dist/mark.min.js') });
await mp.evaluate((list) => {
  const state = { done: 0, marks: 0, elapsed: 0, finished: false };
  (window as unknown as { __mark: typeof state }).__mark = state;
  const Mark = (window as unknown as { Mark: new (el: Element) => { mark: (k: string, o: object) => void } }).Mark;
  const instance = new Mark(document.body);
  const t0 = performance.now();
  const next = () => {
    if (state.done >= list.length) {
      state.finished = true;
      return;
    }
    instance.mark(list[state.done], {
      separateWordSearch: false,
      diacritics: false,
      each: () => state.marks++,
      done: () => {
        state.done++;
        state.elapsed = performance.now() - t0;
        setTimeout(next, 0);
      },
    });
  };
  next();
}, aliases);
const markStart = Date.now();
let mark = { done: 0, marks: 0, elapsed: 0, finished: false };
while (Date.now() - markStart < MARKJS_LIMIT_MS) {
  await new Promise((r) => setTimeout(r, 1000));
  mark = await mp.evaluate(() => (window as unknown as { __mark: { done: number; marks: number; elapsed: number; finished: boolean } }).__mark);
  if (mark.finished) break;
}
await plain.close();
const c = mark.finished ? mark.elapsed : Math.max(mark.elapsed, MARKJS_LIMIT_MS);
const cEstimate = mark.finished || mark.done === 0 ? c : (mark.elapsed / mark.done) * aliases.length;

// ── (e) fixed cost on a page without terms: the script's own marks + Chrome tracing of its evaluation ────
const plainRuns: { busy: number; evaluate: number }[] = [];
for (let i = 0; i < RUNS; i++) {
  const ext = await launchWithExtension();
  const p = await ext.context.newPage();
  const cdp = await ext.context.newCDPSession(p);
  const events: { name: string; dur?: number; args?: { data?: { url?: string } } }[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as typeof events)));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8', transferMode: 'ReportEvents' });
  await installLongTaskObserver(p);
  await p.goto(url('/bench/plain.html'));
  const r = await waitForPainted(ext, p);
  const ended = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.end');
  await ended;
  // evaluating and compiling content.js happens before the script can measure anything itself
  const evaluate = events
    .filter((e) => (e.name === 'EvaluateScript' || e.name === 'v8.compile') && e.args?.data?.url?.includes('content-scripts/content.js'))
    .reduce((sum, e) => sum + (e.dur ?? 0) / 1000, 0);
  plainRuns.push({ busy: r.busyMs, evaluate });
  await ext.close();
}
const e = median(plainRuns.map((r) => r.busy + r.evaluate));
const eParts = plainRuns.find((r) => r.busy + r.evaluate === e)!;

// ── (f) size ──────────────────────────────────────────────────────────────────────────────────────────
const content = readFileSync(join(EXTENSION_DIR, 'content-scripts/content.js'));
const cardData = Buffer.from(JSON.stringify(glossary.cards));
const f = content.length;

server.close();
rmSync(dir, { recursive: true, force: true });

const rows = [
  ['(a) floor: TreeWalker reads every text node', ms(a), `cold, in a content script's world (page's own world: ${ms(aMain)} cold, ${ms(aMainWarm)} warm)`],
  ['(b) Legal Lens: DOMContentLoaded → all painted', ms(b), `${(b / a).toFixed(2)} × floor (target ≤ 5 ×) ${b <= 5 * a ? 'PASS' : 'MISS'}; ${(b / aMain).toFixed(1)} × the page-world floor; main-thread time ${ms(best.busyMs)}`],
  [
    `(c) mark.js, ${aliases.length} aliases${mark.finished ? '' : `, stopped after ${MARKJS_LIMIT_MS / 1000} s at ${mark.done}/${aliases.length}`}`,
    mark.finished ? ms(c) : `> ${(c / 1000).toFixed(0)} s (lower bound; ~${(cEstimate / 1000).toFixed(0)} s extrapolated)`,
    `Legal Lens is ${(c / b).toFixed(0)} × faster${mark.finished ? '' : ' (at least)'} (target ≥ 100 ×) ${c / b >= 100 ? 'PASS' : 'MISS'}`,
  ],
  ['(d) longest main-thread task while (b) runs', ms(Math.max(d, dOwn)), `our longest slice ${ms(dOwn)}; long tasks seen ${ms(d)}; longest animation frame ${ms(dFrame)} (the page's own rendering) (target ≤ 50 ms) ${Math.max(d, dOwn) <= 50 ? 'PASS' : 'MISS'}`],
  ['(e) own main-thread time, page without terms', ms(e), `script ${ms(eParts.busy)} + evaluation ${ms(eParts.evaluate)} (target ≤ 5 ms) ${e <= 5 ? 'PASS' : 'MISS'}`],
  [
    '(f) content script, minified',
    `${(f / 1024).toFixed(1)} KiB`,
    `${(gzipSync(content).length / 1024).toFixed(1)} KiB gzipped; card data (${(cardData.length / 1024).toFixed(1)} KiB) stays in the background (target ≤ 100 kB) ${f <= 100_000 ? 'PASS' : 'MISS'}`,
  ],
];
const width = Math.max(...rows.map((r) => r[0].length));
for (const [name, value, note] of rows) console.log(`${name.padEnd(width)}  ${value.padStart(12)}  ${note}`);
console.log(`\nMatches painted: ${best.matches} (page has ${page.occurrences} term occurrences). Runs: ${RUNS} (median shown; (d) is the worst run).`);
mkdirSync(ARTIFACTS, { recursive: true });
writeFileSync(join(ARTIFACTS, 'bench.json'), JSON.stringify({ a, aMain, aMainWarm, b, c, cEstimate, markjs: mark, d, dFrame, dOwn, e, eParts, f, gz: gzipSync(content).length, page: { chars: page.textChars, nodes: page.textNodes, occurrences: page.occurrences }, runs }, null, 2));

// `npm run bench [-- --runs 5] [--plain-runs 15] [--pages plain,dozen,frames,big] [--growth 5] [--compare name=dir …]
// [--only empty,legalLens] [--json file] [--markdown]`: Legal Lens against an
// empty content script (the floor for any extension), the naive highlighter (one regular expression of all
// aliases, one StaticRange per match) and mark.js, in one run, on the same pages, in real Chromium (and, on the
// term-free article, the floor of a first pass like Legal Lens's: read the text and send it to the background,
// with and without a document_start relay); and Legal Lens and the naive highlighter again at 5× the glossary. Every figure comes from Chrome traces taken from
// outside the page (trace.ts): nothing of the extension reports anything, so the build measured is the build
// shipped. Loads are interleaved round by round, so drift on a shared machine hits every variant alike.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR, ROOT, findChromium } from '../browser/harness.ts';
import { MARKJS_URL, buildLegalLens, markjsInitScript, writeEmptyExtension, writeNaiveExtension, writeReadAndSendExtension, writtenAliases } from './extensions.ts';
import { AD_FRAME_HTML, generateArticle, generatePage, withAdFrames } from './generate-page.ts';
import { launchVariant, measureLoad, servePages, type Load, type Variant, type VariantBrowser } from './measure.ts';
import { bootstrapInterval, median, medianInterval, ratioInterval, type Interval } from './stats.ts';
import { writeSyntheticGlossary } from './synthetic-glossary.ts';

const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
};
const RUNS = Number(arg('runs', '5'));
/**
 * `--compare name=dir` (repeatable): another unpacked build (another commit's `.output/chrome-mv3`, say), measured
 * as one more variant, interleaved with the rest in the same run, so two builds are compared without the
 * drift between two runs. It joins the term-free article's paired loads, and the dozen's.
 */
const COMPARED = process.argv.flatMap((a, i) => (process.argv[i - 1] === '--compare' ? [a] : [])).map((spec) => {
  const at = spec.indexOf('=');
  if (at < 1) throw new Error(`--compare wants name=dir, got "${spec}"`);
  const dir = resolve(spec.slice(at + 1));
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`--compare ${spec}: no manifest.json in ${dir}`);
  return { name: spec.slice(0, at), extensionDir: dir };
});
/** `--only a,b`: measure only these variants (the keys of V below; 'none' and 'empty' are always measured: the figures are read against them) */
const ONLY = process.argv.includes('--only') ? new Set(['none', 'empty', ...arg('only', '').split(',')]) : null;
/**
 * Loads of the term-free article for the variants its target is read from (no extension, the empty script,
 * Legal Lens) and the read-and-send floors it is set against: that target is a few ms wide, and the page alone
 * varies by ±10 ms from load to load (its layout runs once or twice), so its median needs more pairs than the
 * other figures. The other variants get RUNS.
 */
const PLAIN_RUNS = Math.max(RUNS, Number(arg('plain-runs', String(RUNS * 3))));
const PLAIN_PAIRED_BUILT_IN = ['none', 'empty', 'readAndSend', 'readAndSendRelay', 'legalLens'] as const;
/** who gets PLAIN_RUNS loads, as the reports say it */
const PLAIN_PAIRED_TEXT = `without an extension, with the empty script, the read-and-send floors and Legal Lens${COMPARED.length ? ' (and the --compare builds)' : ''}`;
const PAGES = arg('pages', 'plain,dozen,frames,big').split(',');
const JSON_OUT = process.argv.includes('--json') ? resolve(arg('json', 'bench.json')) : null;
const GROWTH = Number(arg('growth', '5'));
const MARKDOWN = process.argv.includes('--markdown');
const AD_FRAMES = 20;

// ── what is compared ───────────────────────────────────────────────────────────────────────────────────
const glossaryRoot = resolve(ROOT, 'glossary');
const aliases = writtenAliases(glossaryRoot);
const scratch = mkdtempSync(join(tmpdir(), 'legal-lens-bench-'));
const syntheticRoot = join(scratch, `glossary-${GROWTH}x`);
const synthetic = writeSyntheticGlossary(glossaryRoot, syntheticRoot, GROWTH);
const syntheticAliases = writtenAliases(syntheticRoot);
const grownLegalLens = await buildLegalLens(syntheticRoot);

const V = {
  none: { name: 'none' },
  empty: { name: 'empty', extensionDir: writeEmptyExtension() },
  readAndSend: { name: 'read and send', extensionDir: writeReadAndSendExtension(false) },
  readAndSendRelay: { name: 'read and send + relay', extensionDir: writeReadAndSendExtension(true) },
  naive: { name: 'naive', extensionDir: writeNaiveExtension(aliases) },
  markjs: { name: 'mark.js', initScript: markjsInitScript(aliases), ownUrl: MARKJS_URL },
  legalLens: { name: 'Legal Lens', extensionDir: EXTENSION_DIR },
  naiveGrown: { name: `naive ${GROWTH}×`, extensionDir: writeNaiveExtension(syntheticAliases, `naive-${GROWTH}x`) },
  legalLensGrown: { name: `Legal Lens ${GROWTH}×`, extensionDir: grownLegalLens },
} satisfies Record<string, Variant>;
type BuiltIn = keyof typeof V;
/** the built-in variants and the `--compare` builds (keyed `compare:name`) */
type VariantKey = BuiltIn | `compare:${string}`;
const COMPARE_KEYS = COMPARED.map((c) => `compare:${c.name}` as const);
const VARIANTS: Record<VariantKey, Variant> = { ...V, ...Object.fromEntries(COMPARED.map((c, i) => [COMPARE_KEYS[i], c])) };
const measured = (keys: VariantKey[]) => keys.filter((k) => !ONLY || ONLY.has(k) || k.startsWith('compare:'));
for (const key of ONLY ?? []) if (!(key in V)) throw new Error(`--only: no variant "${key}" (the variants: ${Object.keys(V).join(', ')})`);
if (new Set(COMPARE_KEYS).size < COMPARE_KEYS.length) throw new Error('--compare: two builds with one name');

// ── the pages ─────────────────────────────────────────────────────────────────────────────────────────
// the phrases written into the big page: the glossary's most common real-world forms
const PAGE_TERMS = [
  '287(g)', 'writ of mandamus', 'mandamus', 'racial profiling', 'civil rights', 'ICE', 'USCIS', 'DHS',
  'Immigration and Nationality Act', 'detainer', 'Notice to Appear', 'removal proceedings', 'asylum', 'TPS', 'DACA',
  'Fourth Amendment', 'probable cause', 'reasonable suspicion', 'class action', 'injunction', 'preliminary injunction',
  'consent decree', '§ 1983', 'qualified immunity', 'habeas corpus', 'green card', 'Form I-485', 'I-130', 'N-400',
  'naturalization', 'immigration judge', 'Board of Immigration Appeals', 'sanctuary jurisdiction', 'Secure Communities',
  'Equal Protection Clause', 'Title VI', 'pro bono', 'know your rights', 'USCIS processing times', 'request for evidence',
];
const DOZEN_TERMS = [
  'ICE', 'detainer', 'racial profiling', 'Fourth Amendment', 'class action', 'asylum', 'immigration judge', 'green card',
  'DACA', 'habeas corpus', 'USCIS', 'qualified immunity',
];
const pagesDir = join(scratch, 'pages');
mkdirSync(pagesDir);
const server = await servePages(pagesDir);
const big = generatePage({ terms: PAGE_TERMS, minChars: 3_300_000, minTextNodes: 50_000, minOccurrences: 1, termRate: 0.43 });
const PAGE_SPECS = {
  plain: { title: 'term-free article', html: generateArticle(), variants: measured([...(Object.keys(V) as BuiltIn[]), ...COMPARE_KEYS]) },
  dozen: { title: 'article with a dozen terms', html: generateArticle({ terms: DOZEN_TERMS }), variants: measured(['none', 'empty', 'naive', 'markjs', 'legalLens', ...COMPARE_KEYS]) },
  frames: {
    title: `term-free article with ${AD_FRAMES} ad-like iframes`,
    html: withAdFrames(generateArticle(), { frames: AD_FRAMES, sameOrigin: '/bench/ad.html', crossOrigin: `${server.otherSite}/bench/ad.html` }),
    variants: measured(['none', 'empty', 'naive', 'legalLens', ...COMPARE_KEYS]),
  },
  // (the read-and-send floors are the term-free article's alone: where there are terms, there is more to do)
  big: { title: `${(Buffer.byteLength(big.html) / 1e6).toFixed(1)} MB page`, html: big.html, variants: measured([...(Object.keys(V) as BuiltIn[]).filter((k) => !k.startsWith('readAndSend')), ...COMPARE_KEYS]) },
};
type PageKey = keyof typeof PAGE_SPECS;
/** the variants given PLAIN_RUNS loads of the term-free article (those measured) */
const PLAIN_PAIRED = PAGE_SPECS.plain.variants.filter((k) => (PLAIN_PAIRED_BUILT_IN as readonly string[]).includes(k) || k.startsWith('compare:'));
writeFileSync(join(pagesDir, 'ad.html'), AD_FRAME_HTML);
for (const [key, spec] of Object.entries(PAGE_SPECS)) writeFileSync(join(pagesDir, `${key}.html`), spec.html);
const pageUrl = (key: string) => `${server.origin}/bench/${key}.html`;
const pages = PAGES.filter((p): p is PageKey => p in PAGE_SPECS);

// ── the machine ───────────────────────────────────────────────────────────────────────────────────────
const chromiumVersion = (() => {
  try {
    return execFileSync(findChromium(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return findChromium();
  }
})();
const gitCommit = (() => {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' }).trim();
    return dirty ? `${head} (with uncommitted changes)` : head;
  } catch {
    return 'unknown';
  }
})();
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${chromiumVersion} headless`;
const loadAtStart = loadavg();
const contentJs = readFileSync(join(EXTENSION_DIR, 'first-pass.js'));
const grownContentJs = readFileSync(join(grownLegalLens, 'first-pass.js'));
// the highlighter is injected only into frames whose text holds a term (utils/highlighter-handoff.ts)
const highlighterJs = readFileSync(join(EXTENSION_DIR, 'highlighter.js'));
const grownHighlighterJs = readFileSync(join(grownLegalLens, 'highlighter.js'));

console.log(`Legal Lens benchmark — ${new Date().toISOString()}, commit ${gitCommit}`);
console.log(`Machine: ${machine}; load average ${loadAtStart.map((x) => x.toFixed(1)).join(' ')}`);
console.log(`Glossary: ${aliases.length} aliases as written (synthetic ${GROWTH}×: ${syntheticAliases.length}, ${synthetic.terms} terms).`);
console.log(`Legal Lens first pass (the top frame, and frames that can show a word): ${contentJs.length} bytes (${gzipSync(contentJs).length} gzipped); at ${GROWTH}×: ${grownContentJs.length} bytes. Highlighter (injected where there are terms): ${highlighterJs.length} bytes; at ${GROWTH}×: ${grownHighlighterJs.length} bytes.`);
console.log(`Pages: ${pages.map((p) => `${p} = ${PAGE_SPECS[p].title}`).join('; ')}. Big page: ${big.textChars} characters of text, ${big.textNodes} text nodes, ${big.occurrences} term phrases written.`);
console.log(`${RUNS} loads of each page per variant (${PLAIN_RUNS} of the term-free article ${PLAIN_PAIRED_TEXT}), interleaved; medians with (min–max).\n`);

// ── the loads ─────────────────────────────────────────────────────────────────────────────────────────
const needed = [...new Set(pages.flatMap((p) => PAGE_SPECS[p].variants))];
const browsers = new Map<VariantKey, VariantBrowser>();
for (const key of needed) {
  const browser = await launchVariant(VARIANTS[key]);
  browsers.set(key, browser);
  await measureLoad(browser, pageUrl('plain')); // warm-up: first start of the extension, caches
}
const loads = new Map<string, Load[]>(); // `${page}/${variant}` → one Load per round
const started = Date.now();
for (let round = 0; round < RUNS; round++) {
  for (const page of pages) {
    const variants = PAGE_SPECS[page].variants;
    // a different variant goes first each round
    const order = variants.map((_, i) => variants[(i + round) % variants.length]);
    for (const key of order) {
      const load = await measureLoad(browsers.get(key)!, pageUrl(page));
      const list = loads.get(`${page}/${key}`) ?? [];
      list.push(load);
      loads.set(`${page}/${key}`, list);
    }
  }
  process.stderr.write(`round ${round + 1}/${RUNS} done (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
}
for (let round = RUNS; round < PLAIN_RUNS && pages.includes('plain'); round++) {
  const order = PLAIN_PAIRED.map((_, i) => PLAIN_PAIRED[(i + round) % PLAIN_PAIRED.length]);
  for (const key of order) loads.get(`plain/${key}`)!.push(await measureLoad(browsers.get(key)!, pageUrl('plain')));
  process.stderr.write(`term-free article, extra round ${round + 1}/${PLAIN_RUNS} done (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
}
for (const browser of browsers.values()) await browser.close();
server.server.close();
for (const [what, list] of loads) {
  const errors = [...new Set(list.flatMap((l) => l.errors))];
  if (errors.length) console.log(`ERRORS on ${what}: ${errors.slice(0, 5).join(' | ')}`);
}

// ── figures ───────────────────────────────────────────────────────────────────────────────────────────
interface Stat {
  median: number;
  min: number;
  max: number;
}
const stat = (xs: number[]): Stat | null => {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  return { median: median(v), min: v[0], max: v[v.length - 1] };
};
const of = (page: PageKey, key: VariantKey) => loads.get(`${page}/${key}`) ?? [];
const field = (page: PageKey, key: VariantKey, f: (l: Load) => number | null) => of(page, key).map((l) => f(l) ?? NaN);
/** per round: `key`'s figure minus `base`'s figure in the same round (paired, so drift cancels) */
const paired = (page: PageKey, key: VariantKey, base: VariantKey, f: (l: Load) => number) => {
  const a = of(page, key);
  const b = of(page, base);
  return a.map((l, i) => (b[i] ? f(l) - f(b[i]) : NaN));
};
const cpu = (l: Load) => l.taskCpuMs;

interface Row {
  variant: string;
  matches: Stat | null;
  paintedMs: Stat | null;
  /**
   * all painted, from the page's DOMContentLoaded: the parsed document, the earliest a content script reads it
   * (the same moment for every variant, where their own starts are not: Chrome runs document_end scripts in a
   * task of their own, on a big page hundreds of ms later, by hundreds of ms more or less from load to load)
   */
  paintedSinceParsedMs: Stat | null;
  /** the page's load event (all frames loaded) */
  loadMs: Stat | null;
  /** main-thread CPU time with the variant minus without any extension, same round */
  attributableCpuMs: Stat | null;
  /** the same above the empty content script's, same round */
  aboveFloorCpuMs: Stat | null;
  attributableWallMs: Stat | null;
  ownCpuMs: Stat | null;
  evaluateCpuMs: Stat | null;
  longestOwnMs: Stat | null;
  longestOwnCpuMs: Stat | null;
  longestTaskMs: Stat | null;
  frames: Stat | null;
}
/** all painted, from DOMContentLoaded (Row.paintedSinceParsedMs) */
const sinceParsed = (l: Load) => (l.paintedMs !== null && l.domContentLoadedMs !== null ? l.paintedMs - l.domContentLoadedMs : null);
const rows = (page: PageKey): Row[] =>
  PAGE_SPECS[page].variants.map((key) => ({
    variant: VARIANTS[key].name,
    matches: stat(field(page, key, (l) => l.matches)),
    paintedMs: stat(field(page, key, (l) => l.paintedMs)),
    paintedSinceParsedMs: stat(field(page, key, sinceParsed)),
    loadMs: stat(field(page, key, (l) => l.loadMs)),
    attributableCpuMs: key === 'none' ? null : stat(paired(page, key, 'none', cpu)),
    aboveFloorCpuMs: key === 'none' || key === 'empty' ? null : stat(paired(page, key, 'empty', cpu)),
    attributableWallMs: key === 'none' ? null : stat(paired(page, key, 'none', (l) => l.taskMs)),
    ownCpuMs: key === 'none' ? null : stat(field(page, key, (l) => l.ownCpuMs)),
    evaluateCpuMs: key === 'none' || key === 'markjs' ? null : stat(field(page, key, (l) => l.evaluateCpuMs)),
    longestOwnMs: key === 'none' ? null : stat(field(page, key, (l) => l.longestOwnMs)),
    longestOwnCpuMs: key === 'none' ? null : stat(field(page, key, (l) => l.longestOwnCpuMs)),
    longestTaskMs: stat(field(page, key, (l) => l.longestTaskMs)),
    frames: stat(field(page, key, (l) => l.frames)),
  }));

const num = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(1));
const fmt = (s: Stat | null, unit = '') => (s ? `${num(s.median)}${unit} (${num(s.min)}–${num(s.max)})` : '—');
/** a / b, when b is clear of the noise (no multiple of a floor of a few tenths of a ms, or of one that went below zero) */
const ratio = (a: Stat | null, b: Stat | null) => (a && b && b.median >= 1 && b.min > 0 ? `${(a.median / b.median).toFixed(2)}×` : '—');

function printTable(header: string[], body: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  for (const r of body) console.log(line(r));
}

const report: Record<string, Row[]> = {};
for (const page of pages) {
  const table = rows(page);
  report[page] = table;
  const floor = table.find((r) => r.variant === V.empty.name)?.attributableCpuMs ?? null;
  const naive = table.find((r) => r.variant === V.naive.name) ?? null;
  const loadsOf = page === 'plain' && PLAIN_RUNS > RUNS ? `${RUNS}, ${PLAIN_RUNS} ${PLAIN_PAIRED_TEXT}` : String(RUNS);
  console.log(`── ${page}: ${PAGE_SPECS[page].title} (ms; median (min–max) of ${loadsOf}) ──`);
  printTable(
    ['variant', 'marks', 'all painted', 'since parsed', 'load event', 'main-thread CPU', 'above floor', '× floor', '× naive', 'own CPU', 'evaluate', 'longest own task (CPU)', 'longest task'],
    table.map((r) => [
      r.variant,
      r.matches ? String(Math.round(r.matches.median)) : '—',
      fmt(r.paintedMs),
      fmt(r.paintedSinceParsedMs),
      r.loadMs ? num(r.loadMs.median) : '—',
      fmt(r.attributableCpuMs),
      fmt(r.aboveFloorCpuMs),
      ratio(r.attributableCpuMs, floor),
      ratio(r.attributableCpuMs, naive?.attributableCpuMs ?? null),
      fmt(r.ownCpuMs),
      r.evaluateCpuMs ? num(r.evaluateCpuMs.median) : '—',
      r.longestOwnMs ? `${num(r.longestOwnMs.median)}, max ${num(r.longestOwnMs.max)} (${num(r.longestOwnCpuMs!.max)})` : '—',
      fmt(r.longestTaskMs),
    ]),
  );
  console.log('');
}

// ── the targets of issue 13 ───────────────────────────────────────────────────────────────────────────
/**
 * A target's check: `pass` is read from the median; `sure` says whether the figure's 95% bootstrap interval
 * (stats.ts: the rounds drawn again) is all on that side of the target, or spans it (another run could say
 * otherwise).
 */
const checks: { what: string; value: string; target: string; pass: boolean | null; sure?: boolean }[] = [];
const verdict = (pass: boolean | null, sure?: boolean) => (pass === null ? '' : `${pass ? 'MET' : 'MISSED'}${sure === false ? ' (within the noise)' : ''}`);
const interval = (i: Interval | null, unit = '') => (i ? `95% interval ${num(i.low)}–${num(i.high)}${unit}` : '');
/** whether all of `i` is on the side of `limit` that `pass` says (at or below it when `pass`) */
const clear = (i: Interval | null, limit: number, pass: boolean) => (i ? (pass ? i.high <= limit : i.low > limit) : undefined);
const aboveFloor = (page: PageKey, key: VariantKey) => stat(paired(page, key, 'empty', cpu));
/** a check that the median of `key`'s main-thread CPU above the empty script's, paired by round, is at most `limit` ms */
const aboveFloorCheck = (page: PageKey, key: VariantKey, what: string, limit: number) => {
  const s = aboveFloor(page, key);
  const i = medianInterval(paired(page, key, 'empty', cpu));
  const pass = s ? s.median <= limit : null;
  checks.push({ what, value: `${fmt(s, ' ms')}${i ? `; ${interval(i, ' ms')}` : ''}`, target: `≤ ${limit} ms`, pass, sure: pass === null ? undefined : clear(i, limit, pass) });
};
if (pages.includes('plain')) {
  aboveFloorCheck('plain', 'legalLens', 'term-free article: Legal Lens above the empty content script (main-thread CPU)', 5);
  // what any first pass that tests the page's words off the page pays, whatever else it does
  const floor = aboveFloor('plain', 'readAndSend');
  const floorRelay = aboveFloor('plain', 'readAndSendRelay');
  const own = (key: VariantKey) => stat(field('plain', key, (l) => l.ownCpuMs));
  checks.push({
    what: 'term-free article: reading it and sending it off the page, nothing else, above the empty script (+ a document_start input relay); own CPU',
    value: `${fmt(floor, ' ms')} (${fmt(floorRelay, ' ms')}); own ${fmt(own('readAndSend'), ' ms')} (${fmt(own('readAndSendRelay'), ' ms')}) vs Legal Lens ${fmt(own('legalLens'), ' ms')}`,
    target: '—',
    pass: null,
  });
}
if (pages.includes('dozen')) {
  aboveFloorCheck('dozen', 'legalLens', 'a dozen terms: Legal Lens above the empty content script (main-thread CPU)', 15);
}
if (pages.includes('big')) {
  const llLoads = field('big', 'legalLens', sinceParsed);
  const nvLoads = field('big', 'naive', sinceParsed);
  const ll = stat(llLoads);
  const nv = stat(nvLoads);
  // Legal Lens's median minus the naive highlighter's, the rounds drawn together
  const gap = bootstrapInterval(Math.min(llLoads.length, nvLoads.length), (idx) => median(idx.map((i) => llLoads[i])) - median(idx.map((i) => nvLoads[i])));
  const painted = ll && nv ? ll.median <= nv.median : null;
  const llNav = stat(field('big', 'legalLens', (l) => l.paintedMs));
  const nvNav = stat(field('big', 'naive', (l) => l.paintedMs));
  checks.push({
    what: `${PAGE_SPECS.big.title}: all painted from DOMContentLoaded, Legal Lens vs naive (wall; from navigation: ${llNav ? num(llNav.median) : '—'} vs ${nvNav ? num(nvNav.median) : '—'} ms)`,
    value: `${fmt(ll, ' ms')} vs ${fmt(nv, ' ms')}${gap ? `; the difference's ${interval(gap, ' ms')}` : ''}`,
    target: '≤ naive',
    pass: painted,
    sure: painted === null ? undefined : clear(gap, 0, painted),
  });
  const longest = stat(field('big', 'legalLens', (l) => l.longestOwnMs));
  const longestCpu = stat(field('big', 'legalLens', (l) => l.longestOwnCpuMs));
  checks.push({
    what: `${PAGE_SPECS.big.title}: Legal Lens's longest task, worst load (wall; CPU)`,
    value: longest && longestCpu ? `${num(longest.max)} ms; ${num(longestCpu.max)} ms` : '—',
    target: '≤ 50 ms',
    pass: longest ? longest.max <= 50 : null,
  });
}
if (pages.includes('frames') && pages.includes('plain')) {
  for (const key of ['empty', 'naive', 'legalLens', ...COMPARE_KEYS] as const) {
    if (!PAGE_SPECS.frames.variants.includes(key) || !PAGE_SPECS.plain.variants.includes(key)) continue;
    const perFrame = stat(paired('frames', key, 'none', cpu).map((x, i) => (x - paired('plain', key, 'none', cpu)[i]) / AD_FRAMES));
    const ownPerFrame = stat(field('frames', key, (l) => l.ownCpuMs).map((x, i) => (x - field('plain', key, (l) => l.ownCpuMs)[i]) / AD_FRAMES));
    checks.push({ what: `per ad-like frame: ${VARIANTS[key].name} (own CPU; main-thread CPU above no extension, noisy: frames start renderer processes)`, value: `own ${fmt(ownPerFrame, ' ms')}; ${fmt(perFrame, ' ms')}`, target: key === 'legalLens' ? 'next to nothing' : '—', pass: null });
  }
}
const growth = (page: PageKey, base: VariantKey, grown: VariantKey, f: (l: Load) => number) => {
  const a = stat(field(page, base, f));
  const b = stat(field(page, grown, f));
  return a && b ? { base: a, grown: b, ratio: b.median / a.median, interval: ratioInterval(field(page, base, f), field(page, grown, f)) } : null;
};
const growthChecks: [PageKey, string, (l: Load) => number][] = [
  ['big', 'matching (own CPU on the big page)', (l) => l.ownCpuMs],
  ['plain', 'start-up (own CPU on the term-free article)', (l) => l.ownCpuMs],
  ['plain', 'evaluation of the content script', (l) => l.evaluateCpuMs],
];
for (const [page, what, f] of growthChecks) {
  if (!pages.includes(page)) continue;
  const ll = growth(page, 'legalLens', 'legalLensGrown', f);
  const nv = growth(page, 'naive', 'naiveGrown', f);
  if (!ll || !nv) continue;
  checks.push({
    what: `glossary ${GROWTH}×, ${what}: Legal Lens ${num(ll.base.median)} → ${num(ll.grown.median)} ms; naive ${num(nv.base.median)} → ${num(nv.grown.median)} ms`,
    value: `Legal Lens ${ll.ratio.toFixed(2)}×${ll.interval ? ` (95% interval ${ll.interval.low.toFixed(2)}–${ll.interval.high.toFixed(2)}×)` : ''}, naive ${nv.ratio.toFixed(2)}×`,
    target: 'Legal Lens ≤ 1.2×',
    pass: ll.ratio <= 1.2,
    sure: clear(ll.interval, 1.2, ll.ratio <= 1.2),
  });
}
console.log('── targets (issue 13) ──');
printTable(['figure', 'value', 'target', ''], checks.map((c) => [c.what, c.value, c.target, verdict(c.pass, c.sure)]));
const loadAtEnd = loadavg();
console.log(`\nLoad average at the end: ${loadAtEnd.map((x) => x.toFixed(1)).join(' ')} (2-core machines shared with other work give noisy wall times; CPU figures are the main threads' own).`);
console.log(
  [
    'How to read the tables (all from Chrome traces, nothing reported by the extensions):',
    '  all painted: from navigationStart to the end of the first frame committed after the variant\'s last work;',
    '  since parsed: the same from the page\'s DOMContentLoaded, the earliest any content script reads the parsed document',
    '    (the variants\' own starts vary: Chrome runs document_end scripts in a later task, on a big page hundreds of ms',
    '    later, by hundreds of ms more or less from load to load);',
    '  load event: the page\'s own load event, from navigationStart;',
    '  main-thread CPU: CPU time of every top-level task on the renderer main threads serving the tab (all its frames),',
    '    with the variant minus without any extension in the same round; above floor: minus the empty content script instead;',
    '  own CPU: the part spent in the variant\'s own script (trace events with its URL, and V8\'s sampled stacks holding its code);',
    '  evaluate: compiling and running the script\'s top level, summed over frames;',
    '  longest own task: the longest stretch of the variant\'s work in one task, wall clock (CPU, worst load), where the',
    '    50 ms long-task limit applies; longest task: anyone\'s (the page\'s own layout included).',
    '  targets: each verdict is read from the median; "95% interval" is where that figure falls in 95% of 2,000',
    '    recomputations on the rounds drawn again with replacement (stats.ts), and "within the noise" marks a verdict',
    '    whose interval spans the target: another run could give the other verdict.',
  ].join('\n'),
);

if (MARKDOWN) {
  // the README's table: one block per page, then the targets
  const md = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const out: string[] = [];
  for (const page of pages) {
    out.push('', `**${PAGE_SPECS[page].title}** (ms, median (min–max) of ${page === 'plain' && PLAIN_RUNS > RUNS ? `${PLAIN_RUNS} loads ${PLAIN_PAIRED_TEXT}, ${RUNS} with the others` : `${RUNS} loads`})`, '');
    out.push(md(['variant', 'marks', 'all painted (since parsed)', 'main-thread CPU', 'above the empty script', 'own CPU', 'longest own task']), md(Array(7).fill('---')));
    const alone = stat(field(page, 'none', (l) => l.taskCpuMs));
    const loaded = stat(field(page, 'none', (l) => l.loadMs));
    for (const r of report[page]) {
      if (r.variant === V.none.name) {
        out.push(md(['no extension (the page alone)', '—', `load event ${loaded ? num(loaded.median) : '—'}`, `${fmt(alone)} in all`, '—', '—', '—']));
        continue;
      }
      out.push(md([r.variant, r.matches ? String(Math.round(r.matches.median)) : '—', r.paintedMs && r.paintedSinceParsedMs ? `${num(r.paintedMs.median)} (${num(r.paintedSinceParsedMs.median)})` : '—', fmt(r.attributableCpuMs), fmt(r.aboveFloorCpuMs), fmt(r.ownCpuMs), r.longestOwnMs ? `${num(r.longestOwnMs.median)} (max ${num(r.longestOwnMs.max)})` : '—']));
    }
  }
  out.push('', md(['target (issue 13)', 'measured', 'target', '']), md(Array(4).fill('---')));
  for (const c of checks) out.push(md([c.what, c.value, c.target, verdict(c.pass, c.sure)]));
  console.log(`\n${out.join('\n')}`);
}

if (JSON_OUT) {
  writeFileSync(
    JSON_OUT,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        commit: gitCommit,
        machine,
        load: { start: loadAtStart, end: loadAtEnd },
        runs: RUNS,
        plainRuns: PLAIN_RUNS,
        glossary: { aliases: aliases.length, grown: { factor: GROWTH, aliases: syntheticAliases.length, terms: synthetic.terms } },
        contentScriptBytes: { real: contentJs.length, gzipped: gzipSync(contentJs).length, grown: grownContentJs.length },
        highlighterBytes: { real: highlighterJs.length, gzipped: gzipSync(highlighterJs).length, grown: grownHighlighterJs.length },
        pages: Object.fromEntries(pages.map((p) => [p, { title: PAGE_SPECS[p].title, bytes: Buffer.byteLength(PAGE_SPECS[p].html) }])),
        bigPage: { textChars: big.textChars, textNodes: big.textNodes, occurrences: big.occurrences },
        summary: report,
        checks,
        loads: Object.fromEntries(loads),
      },
      null,
      2,
    ),
  );
  console.log(`\nAll figures written to ${JSON_OUT}`);
}
rmSync(scratch, { recursive: true, force: true });

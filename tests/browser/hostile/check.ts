// The hostile suite's one check, applied to every fixture in each browser: the page is opened with the extension
// and, in the same test run, in the same browser without it, and compared. Asserted for each fixture:
// - no uncaught error or console error from the extension (errors seen with it and not without it);
// - the page's DOM as without the extension (a fingerprint of every element, attribute and text, our card host
//   left out), and, for a page that does not change itself, no change at all but our host's coming and going
//   (a MutationObserver set up before any content script runs);
// - the page's own script result unchanged (window.pageResult);
// - marks and cards where they belong (exact counts), and no card where none belongs; on a page whose marks cover
//   NEAR_ONLY_MARKED_NODES text nodes or more (nearOnly), the count is the popup's (the page's terms), fewer are
//   registered (those near the viewport), and a card's term is one of those in view once the page is scrolled to it;
// - no request leaving the machine;
// - the page's own 10 ms timer not held up longer with the extension than without it by more than 100 ms (times
//   how much slower this machine runs a page than the one that figure was set on: machine-speed.ts) or a fifth of
//   the figure without it, whichever is more (both browsers), either over the whole load or from
//   DOMContentLoaded on. The two runs go side by side, started at the same moment, so that both meet the same load
//   from the rest of the machine. Over the whole load, a big page's worst hold is its own end of parsing and first
//   layout (1.4-3.8 s with two browsers on two cores), which differs by up to a quarter from load to load without
//   any extension, and more when other work shares the machine (the browser with the extension runs more
//   processes): on the 10 MB page, 3,116-3,756 ms with it and 1,381-2,375 ms without in one run, while from
//   DOMContentLoaded on it was 171-247 ms with it and 243-551 ms without. From DOMContentLoaded on, when the page
//   content script starts (the document_start one only notes input, and its tasks are in the trace below), a
//   hold is the extension's doing or noise; Firefox paints the marks of the biggest pages after it (130-650 ms
//   more than without), while the page's own load holds its timer longer still. Each comparison is reported;
// - the extension's longest main-thread task at most 50 ms (Chromium: from a trace taken in a third run of its own,
//   as tracing slows the page; see measure.ts; in the main thread's CPU time, as the machine is shared); that
//   run, once the page is marked, also asks for the page's terms as the popup does, which puts every mark in
//   document order.
// The timing figures are taken on a machine other work shares: when one fails, its runs are repeated (at most
// TIMING_ATTEMPTS in all), and every attempt's figures are reported (and written to
// tests/artifacts/hostile-figures-*.json).
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NEAR_ONLY_MARKED_NODES } from '../../../components/page/paint.ts';
import { after, before, describe, it } from 'node:test';
import { BROWSERS, launch, launchWithout, type BrowserKind, type BrowserUnderTest, type Evaluator } from '../driver';
import type { ChromiumTab } from '../driver/chromium';
import { ARTIFACTS, startServer, type FixtureServer, type GeneratedPage } from '../harness';
import { WebPage } from '../pages/web-page';
import { machineSlowness } from './machine-speed';
import { installPageClock, readClock, traceMainThread, type ClockReading, type MainThreadFigures } from './measure';

export const LONG_TASK_MS = 50;
/**
 * Runs of a fixture before its timing figures fail it. Two browsers side by side on a shared 2-core machine: the
 * run with the extension has more processes wanting a core (its background, its scripts in cross-origin frames),
 * and a page's own parsing and first layout can hold its timer hundreds of ms, before or after DOMContentLoaded
 * from one load to the next. In the eleven CI runs of 2026-12-03, four fixture runs needed a third attempt ("one
 * element per letter" twice in Firefox; "nested same- and cross-origin frames" and "runs of paragraphs without a
 * term" in Chromium, where the extension's longest task was 8-13 ms of CPU in each traced run); had any third
 * attempt failed too, CI would have failed. A change that holds the timer up in every load fails every attempt.
 */
export const TIMING_ATTEMPTS = 5;
export const TIMER_SLACK_MS = 100;
/**
 * How much longer the page's timer may be held with the extension than the `withoutMs` it was held without it, on a
 * machine `slowness` times slower than the one TIMER_SLACK_MS was set on (machine-speed.ts).
 */
export const timerSlackMs = (withoutMs: number, slowness = 1): number => Math.max(TIMER_SLACK_MS * slowness, 0.2 * withoutMs);
/** How long past "done" the page's timer is watched, in the page's time (ms). */
const SETTLE_MS = 500;

export interface CardCase {
  text: string | RegExp;
  /** which of the marks of `text` in the registry (of those within a viewport of the place scrolled to, with `scrollTo`) */
  n?: number;
  /**
   * where to scroll first, as a share of the page's height (a page whose marks cover NEAR_ONLY_MARKED_NODES text
   * nodes registers only those near the viewport): the card is for the n-th mark of `text` within a viewport of there, once registered
   */
  scrollTo?: number;
  heading: string;
  /** the frame the term is in: window names from the top page down */
  frames?: string[];
}
export interface NoCardCase {
  /** text the pointer rests on (it need not be marked) */
  text: string;
  frames?: string[];
}

export interface Ctx {
  withExtension: boolean;
  browser: BrowserUnderTest;
  server: FixtureServer;
}

export interface HostileFixture {
  name: string;
  /** what the fixture attacks, in a few words (its file says more) */
  attacks: string;
  /** where the fixture server serves it: /own/hostile/<file>.html, or /gen/<name> for a generated page */
  path: string;
  /** marks once the extension is done: an exact count, or 'page' for the count the page works out (expectedMarks) */
  marks: number | 'page';
  /**
   * the registry holds only the marks near the viewport (paint.ts): set for a page whose marks cover
   * NEAR_ONLY_MARKED_NODES text nodes or more in fewer marks (a term across elements of its own); by default, a page
   * of that many marks or more
   */
  nearOnly?: boolean;
  /** marks in frames: window names from the top down, and the exact count there */
  frameMarks?: { frames: string[]; marks: number }[];
  /** the page's script ends by setting window.pageDone (and its result in window.pageResult) */
  pageScript?: boolean;
  /** the page never changes its own DOM after parsing: nothing but our host may come or go */
  quiet?: boolean;
  cards?: CardCase[];
  noCards?: NoCardCase[];
  /** what a reader does on the page, done the same way in both runs (typing, scrolling), before marks are counted */
  act?: (page: WebPage, ctx: Ctx) => Promise<void>;
  /** further checks with the extension, after the cards */
  check?: (page: WebPage, ctx: Ctx) => Promise<void>;
  /** how long the page may take to be done (ms) */
  timeoutMs?: number;
  /**
   * a defect not fixed here (in every browser, or in the ones named): the test runs, and its failure is reported
   * as a TODO, not counted
   */
  todo?: string | Partial<Record<BrowserKind, string>>;
}

interface Run {
  clock: ClockReading;
  fingerprint: string;
  pageResult: unknown;
  errors: string[];
  readyAt: number;
  /** when the page started loading (performance.timeOrigin, ms since the epoch) */
  origin: number;
  /** the page's timer from DOMContentLoaded on (page time), when the content script starts (document_end) */
  afterDcl: ClockReading;
}

/** Figures of every fixture run, written to tests/artifacts/hostile-figures.json at the end of each file. */
const figures: Record<string, unknown>[] = [];

const sameOrigin = (server: FixtureServer) => (url: string) =>
  url.startsWith(server.origin) || url.startsWith(server.otherOrigin) || /^(data|blob|about|chrome-extension|moz-extension):/.test(url);
const normalise = (message: string) => message.replace(/https?:\/\/[^\s)]+/g, '<url>');

/**
 * The marks painted on the page as the popup counts them (its list of the page's terms, with their counts), asked
 * once the first scan is done (the page's stats, which the extension gives once it is): on a page of
 * marks over NEAR_ONLY_MARKED_NODES text nodes or more the registry holds only those near the viewport.
 */
async function waitPaintedCount(ctx: Ctx, url: string, expected: number, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  let stats: unknown = null;
  while (!stats && Date.now() < until) {
    stats = await ctx.browser.askTab(url, { type: 'legal-lens:page-stats' }).catch(() => null);
    if (!stats) await new Promise((resolve) => setTimeout(resolve, 250));
  }
  if (!stats) throw new Error(`the first scan did not end within ${timeoutMs} ms`);
  assert.equal(await paintedCount(ctx, url), expected, 'marks painted, as the popup counts them');
}

/** Whether only the marks near the viewport are registered on `fixture`'s page, of `marks` marks in all. */
const isNearOnly = (fixture: HostileFixture, marks: number) => fixture.nearOnly ?? marks >= NEAR_ONLY_MARKED_NODES;

async function paintedCount(ctx: Ctx, url: string): Promise<number> {
  const answer = (await ctx.browser.askTab(url, { type: 'legal-lens:page-terms' })) as { terms?: { count: number }[] } | undefined;
  return (answer?.terms ?? []).reduce((sum, t) => sum + t.count, 0);
}

async function waitMarks(page: WebPage, frame: Evaluator, expected: number, timeoutMs: number): Promise<void> {
  if (expected === 0) {
    await page.waitForMarks(0, undefined, timeoutMs, frame);
    return;
  }
  await frame.waitFor((n) => __lens.markCount() === n, expected, timeoutMs).catch(async (e: Error) => {
    const now = await frame.evaluate(() => __lens.markCount());
    throw new Error(`${now} marks, ${expected} expected: ${e.message}`);
  });
}

/**
 * Opens the fixture in `browser` and takes the run's readings; with the extension, checks marks and cards too.
 * With the extension, `ready` is told when the extension is done (page time, ms); without it, `until` says until
 * when the page's timer is watched (the other run's "done"). `start` (side by side) is awaited once the tab is
 * set up, just before it loads the page.
 */
async function runOnce(
  fixture: HostileFixture,
  ctx: Ctx,
  until: Promise<number> | null,
  ready: (at: number) => void = () => {},
  { trace = false, start = () => Promise.resolve() }: { trace?: boolean; start?: () => Promise<void> } = {},
): Promise<{ run: Run; main: MainThreadFigures | null }> {
  const { browser, server } = ctx;
  const timeoutMs = fixture.timeoutMs ?? 60_000;
  const errorsBefore = browser.errors.length;
  const tab = await browser.newTab();
  try {
    await tab.addInitScript(installPageClock, undefined);
    const tracing = trace ? await traceMainThread(tab as ChromiumTab, browser.extensionUrl('').replace(/\/$/, '')) : null;
    await start();
    await tab.goto(server.url(fixture.path));
    const page = new WebPage(tab);
    if (fixture.pageScript) await tab.waitFor(() => (window as unknown as { pageDone?: boolean }).pageDone === true, undefined, timeoutMs);
    await fixture.act?.(page, ctx);
    let readyAt: number;
    if (ctx.withExtension) {
      const expected = fixture.marks === 'page' ? await tab.evaluate(() => (window as unknown as { expectedMarks: number }).expectedMarks) : fixture.marks;
      if (isNearOnly(fixture, expected)) await waitPaintedCount(ctx, server.url(fixture.path), expected, timeoutMs);
      else await waitMarks(page, tab, expected, timeoutMs);
      for (const { frames, marks } of fixture.frameMarks ?? []) await waitMarks(page, (await page.frameAt(frames)).frame, marks, timeoutMs);
      readyAt = await tab.evaluate(() => performance.now());
      ready(readyAt);
    } else readyAt = until ? await until : await tab.evaluate(() => performance.now());
    if (tracing && (await tab.evaluate(() => __lens.markCount())) > 0) await askForEveryMark(ctx, server.url(fixture.path));
    // the page's timer is watched until SETTLE_MS after the extension was done, in both runs alike
    const end = readyAt + SETTLE_MS;
    await tab.waitFor((t) => performance.now() >= t, end, timeoutMs);
    const clock = await readClock(tab, end);
    const origin = await tab.evaluate(() => performance.timeOrigin);
    const dcl = await tab.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.domContentLoadedEventStart ?? 0);
    const afterDcl = await readClock(tab, end, dcl);
    const main = tracing ? await tracing.stop() : null;
    // a traced run is for the main-thread figures only
    if (tracing) return { run: { clock, fingerprint: '', pageResult: null, errors: [], readyAt, origin, afterDcl }, main };
    const fingerprint = await tab.evaluate(() => __lens.fingerprint());
    // the page's own result: a value it left (pageResult), or one it works out when asked (readPageResult)
    const pageResult = await tab.evaluate(() => {
      const w = window as unknown as { pageResult?: unknown; readPageResult?: () => unknown };
      return typeof w.readPageResult === 'function' ? w.readPageResult() : (w.pageResult ?? null);
    });
    if (ctx.withExtension) await checkWithExtension(fixture, page, ctx);
    const errors = browser.errors.slice(errorsBefore).map(normalise);
    return { run: { clock, fingerprint, pageResult, errors, readyAt, origin, afterDcl }, main };
  } finally {
    await tab.close().catch(() => {});
  }
}

/**
 * What a reader does that goes over every mark of the page, in the traced run, so that its tasks count too: the
 * popup's list of the page's terms, asked from the background as the popup asks. It needs the page's marks in
 * document order, as Alt+Shift+L and Alt+↓ do (Painter.allMatches): as they were added on a page scanned once from
 * the top, else through a walk of the page's text in slices.
 */
async function askForEveryMark(ctx: Ctx, url: string): Promise<void> {
  const answer = (await ctx.browser.askTab(url, { type: 'legal-lens:page-terms' })) as { terms?: unknown[] } | undefined;
  assert.ok((answer?.terms?.length ?? 0) > 0, `the page's terms, as the popup asks for them: ${JSON.stringify(answer)}`);
}

/** Marks, cards where they belong, none where they don't, and the page's DOM changes. */
async function checkWithExtension(fixture: HostileFixture, page: WebPage, ctx: Ctx): Promise<void> {
  const tab = page.tab;
  if (fixture.marks !== 'page' && isNearOnly(fixture, fixture.marks)) {
    assert.equal(await paintedCount(ctx, ctx.server.url(fixture.path)), fixture.marks, 'marks painted, as the popup counts them, still after the timer was read');
    const registered = await tab.evaluate(() => __lens.markCount());
    assert.ok(registered > 0 && registered < fixture.marks / 2, `${registered} marks registered of ${fixture.marks}: those near the viewport only`);
  } else if (fixture.marks !== 'page') assert.equal(await tab.evaluate(() => __lens.markCount()), fixture.marks, 'marks, still, after the timer was read');
  // the last frame a card opened in: its card must be gone (it closes after a grace period) before the next hover
  let last: Evaluator = tab;
  let lastWhere = 'the page';
  let lastCorner = { x: 1, y: 1 };
  const away = async () => {
    // first to an empty corner of the frame the pointer is in: headless Chromium tells an out-of-process frame
    // nothing when the pointer leaves it for its parent (see the report of issue 10)
    await tab.moveMouse(lastCorner.x, lastCorner.y);
    await tab.moveMouse(1, 1);
    await tab.press('Escape');
    await last.waitFor(() => __lens.card() === null, undefined, 3000).catch(() => {
      throw new Error(`the card in ${lastWhere} stays open after the pointer left for the top page's corner`);
    });
  };
  for (const card of fixture.cards ?? []) {
    await away();
    const { box, frame } =
      card.scrollTo !== undefined
        ? { box: await page.markAfterScrolling(card.scrollTo, card.text, card.n ?? 0), frame: tab as Evaluator }
        : await page.termBoxIn(card.frames ?? [], card.text, card.n ?? 0);
    last = frame;
    const { offset } = await page.frameAt(card.frames ?? []);
    lastCorner = { x: offset.x + 2, y: offset.y + 2 };
    lastWhere = card.frames?.join(' > ') || 'the page';
    await page.pointAt(box);
    const where = `${String(card.text)} in ${card.frames?.join(' > ') || 'the page'}`;
    await frame.waitFor((h) => __lens.card()?.heading === h, card.heading, 8000).catch(async () => {
      throw new Error(`no card "${card.heading}" for ${where} (card: ${JSON.stringify(await frame.evaluate(() => __lens.card()?.heading ?? null))})`);
    });
    assert.ok(await frame.evaluate(() => __lens.cardOnTop()), `the card for ${where} shows on top`);
  }
  for (const none of fixture.noCards ?? []) {
    await away();
    const { box, frame } = await page.textBoxIn(none.frames ?? [], none.text);
    last = frame;
    lastWhere = none.frames?.join(' > ') || 'the page';
    await page.pointAt(box);
    // the hover delay is at most 1 s: a card that were to open would have opened within it (measured in the page)
    const t = await frame.evaluate(() => performance.now());
    await frame.waitFor((start) => performance.now() > start + 1200, t, 5000);
    assert.equal(await frame.evaluate(() => __lens.card()?.heading ?? null), null, `no card over "${none.text}"`);
  }
  await fixture.check?.(page, ctx);
  if (fixture.quiet) assert.deepEqual(await tab.evaluate(() => __lens.changes()), [], 'the page\'s DOM changed');
}

/**
 * Declares one test per fixture, in each browser: one browser with the extension and one without, one fixture
 * server (serving the generated pages too) per browser, shared by the file's tests.
 */
export function hostileSuite(title: string, fixtures: HostileFixture[], generated: Record<string, GeneratedPage> = {}): void {
  for (const kind of BROWSERS) {
    describe(`${title} (${kind})`, () => {
      let server: FixtureServer;
      let withExt: BrowserUnderTest;
      let without: BrowserUnderTest;
      let slowness = 1;
      before(async () => {
        slowness = await machineSlowness();
        server = await startServer({}, generated);
        [withExt, without] = await Promise.all([launch(kind), launchWithout(kind)]);
      });
      after(async () => {
        await Promise.all([withExt?.close(), without?.close()]);
        server?.server.close();
        mkdirSync(ARTIFACTS, { recursive: true });
        writeFileSync(join(ARTIFACTS, `hostile-figures-${title.replace(/\W+/g, '-')}-${kind}.json`), JSON.stringify(figures.filter((f) => f.browser === kind), null, 1));
      });
      for (const fixture of fixtures) {
        const todo = typeof fixture.todo === 'string' ? fixture.todo : fixture.todo?.[kind];
        it(`${fixture.name}: ${fixture.attacks}`, { todo }, async (t) => {
          await checkFixture(fixture, kind, { withExtension: true, browser: withExt, server }, { withExtension: false, browser: without, server }, slowness, (m) => t.diagnostic(m));
        });
      }
    });
  }
}

/** A start line for `n` runs: each awaits the returned function, which resolves once all `n` have. */
function together(n: number): () => Promise<void> {
  let arrived = 0;
  let go!: () => void;
  const all = new Promise<void>((resolve) => (go = resolve));
  return () => {
    if (++arrived === n) go();
    return all;
  };
}

/** Runs `fixture` with and without the extension and asserts everything in the file comment. */
async function checkFixture(fixture: HostileFixture, kind: BrowserKind, withCtx: Ctx, withoutCtx: Ctx, slowness: number, note: (m: string) => void): Promise<void> {
  const requestsBefore = withCtx.browser.requests.length;
  let lastProblem = '';
  let timerOk = false;
  let tasksOk = kind !== 'chromium';
  for (let attempt = 1; attempt <= TIMING_ATTEMPTS && !(timerOk && tasksOk); attempt++) {
    const record: Record<string, unknown> = { fixture: fixture.name, browser: kind, attempt, slowness: Math.round(slowness * 100) / 100 };
    const problems: string[] = [];
    if (!timerOk) {
      // side by side: the run without the extension watches its timer until the other run was done
      let done!: (at: number) => void;
      let failed!: (e: unknown) => void;
      const readyAt = new Promise<number>((resolve, reject) => ((done = resolve), (failed = reject)));
      // both pages start loading at the same moment (startedLaterMs in the figures): a run that starts first does its
      // heaviest work (the end of parsing, the first layout) while the other is still parsing, and is held up the
      // longer for it. On the page with one element per letter, the run with the extension, which used to start
      // first, came out about 110 ms worse on average over 20 loads side by side; started second, even over 8.
      const start = together(2);
      const withRun = runOnce(fixture, withCtx, null, done, { start });
      withRun.catch(failed);
      const [{ run: w }, { run: wo }] = await Promise.all([withRun, runOnce(fixture, withoutCtx, readyAt, undefined, { start })]);
      const own = w.errors.filter((e) => !wo.errors.includes(e));
      assert.deepEqual(own, [], 'errors with the extension only');
      assert.equal(w.fingerprint, wo.fingerprint, 'the page\'s DOM differs from its DOM without the extension');
      assert.deepEqual(w.pageResult, wo.pageResult, 'the page\'s own script result');
      const leaving = withCtx.browser.requests.slice(requestsBefore).filter((u) => !sameOrigin(withCtx.server)(u));
      assert.deepEqual(leaving, [], 'requests leaving the machine');
      Object.assign(record, {
        doneAtMs: Math.round(w.readyAt),
        timerLateWithMs: w.clock.maxLateMs,
        timerLateWithoutMs: wo.clock.maxLateMs,
        // when each run's worst was (page time, ms), and how much later the run with the extension started loading
        timerWorstAtWithMs: w.clock.at,
        timerWorstAtWithoutMs: wo.clock.at,
        // the worst from DOMContentLoaded on, when the content script starts (document_end)
        timerLateAfterDclWithMs: w.afterDcl.maxLateMs,
        timerLateAfterDclWithoutMs: wo.afterDcl.maxLateMs,
        startedLaterMs: Math.round(w.origin - wo.origin),
      });
      const wholeOk = w.clock.maxLateMs <= wo.clock.maxLateMs + timerSlackMs(wo.clock.maxLateMs, slowness);
      const afterDclOk = w.afterDcl.maxLateMs <= wo.afterDcl.maxLateMs + timerSlackMs(wo.afterDcl.maxLateMs, slowness);
      timerOk = wholeOk || afterDclOk;
      if (!timerOk) {
        problems.push(
          `the page's 10 ms timer was held up ${w.clock.maxLateMs} ms with the extension, ${wo.clock.maxLateMs} ms without ` +
            `(from DOMContentLoaded on: ${w.afterDcl.maxLateMs} ms with it, ${wo.afterDcl.maxLateMs} ms without; ` +
            `slack ${Math.round(timerSlackMs(wo.clock.maxLateMs, slowness))} ms over the whole load and ` +
            `${Math.round(timerSlackMs(wo.afterDcl.maxLateMs, slowness))} ms from DOMContentLoaded on, on a machine ${slowness.toFixed(2)}× slower than the reference)`,
        );
      }
    }
    if (!tasksOk) {
      // traced on its own: the profiler slows the page, so this run's timer is not compared
      const { main } = await runOnce(fixture, withCtx, null, () => {}, { trace: true });
      Object.assign(record, main);
      tasksOk = !!main && main.longestOwnTaskCpuMs <= LONG_TASK_MS;
      if (!tasksOk) problems.push(`the extension's longest main-thread task took ${main?.longestOwnTaskCpuMs} ms of CPU time (${main?.longestOwnTaskMs} ms wall; bound ${LONG_TASK_MS} ms)`);
    }
    figures.push(record);
    note(JSON.stringify(record));
    if (problems.length) {
      lastProblem = problems.join('; ');
      note(`attempt ${attempt}: ${lastProblem}`);
    }
  }
  if (timerOk && tasksOk) return;
  assert.fail(lastProblem);
}

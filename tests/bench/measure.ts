// Loads a page in real Chromium (headless, Debian's, through playwright-core) with one variant installed — no
// extension, an extension folder, or an init script in the page's own world — and returns that load's figures
// from a Chrome trace (trace.ts). The page is served on both 127.0.0.1 and localhost (two sites, so frames of
// one in a page of the other run in another renderer process).
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { chromium, type BrowserContext, type CDPSession } from 'playwright-core';
import { findChromium } from '../browser/harness.ts';
import { analyzeTrace, TRACE_CATEGORIES, type LoadFigures, type TraceEvent } from './trace.ts';

export interface PageServer {
  server: Server;
  /** http://127.0.0.1:<port> */
  origin: string;
  /** http://localhost:<port>: the same files from another site */
  otherSite: string;
}

/** Serves the files of `dir` under /bench/ on a free port, to IPv4 and IPv6 loopback (127.0.0.1 and localhost). */
export async function servePages(dir: string): Promise<PageServer> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.startsWith('/bench/') ? normalize(join(dir, path.slice('/bench/'.length))) : '';
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(path === '/favicon.ico' ? 204 : 404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen({ port: 0, host: '::', ipv6Only: false }, done));
  const port = (server.address() as AddressInfo).port;
  return { server, origin: `http://127.0.0.1:${port}`, otherSite: `http://localhost:${port}` };
}

/** One thing to compare: what is installed, and whose work counts as its own in the trace. */
export interface Variant {
  name: string;
  /** an unpacked extension folder to load */
  extensionDir?: string;
  /** a script run in the page's own world before the page's scripts, in every load */
  initScript?: string;
  /** a URL prefix whose work is this variant's; for extensions, found once the browser runs */
  ownUrl?: string;
}

export interface VariantBrowser {
  variant: Variant;
  context: BrowserContext;
  /** trace URL prefix of the variant's own work (null: the page alone) */
  ownUrl: string | null;
  close(): Promise<void>;
}

/** Starts a browser for `variant`, the way the browser tests do (tests/browser/harness.ts), with only it installed. */
export async function launchVariant(variant: Variant): Promise<VariantBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'legal-lens-bench-profile-'));
  const extensionArgs = variant.extensionDir
    ? [`--disable-extensions-except=${variant.extensionDir}`, `--load-extension=${variant.extensionDir}`]
    : ['--disable-extensions'];
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    viewport: { width: 1280, height: 800 },
    colorScheme: 'light',
    args: [...extensionArgs, '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  let ownUrl = variant.ownUrl ?? null;
  if (variant.extensionDir) ownUrl = `chrome-extension://${extensionId(variant.extensionDir)}/`;
  return {
    variant,
    context,
    ownUrl,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The id Chrome gives an unpacked extension without a key: the first 128 bits of SHA-256 of its path, in letters a–p. */
function extensionId(dir: string): string {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((h) => String.fromCharCode(97 + parseInt(h, 16))).join('');
}

export interface Load extends LoadFigures {
  /**
   * marks on the page at the end: those the extension says it painted (Legal Lens registers only those near the
   * viewport on a page of 1,000 or more), else ranges in CSS.highlights (all names but *-active) or mark.js's <mark>
   * elements
   */
  matches: number;
  /** console errors and uncaught exceptions seen during the load (a variant that fails is not measured) */
  errors: string[];
}

/** How long the page must stay idle (no new marks, main thread under 10% busy) before tracing stops, in ms. */
const QUIET_MS = 1000;
const POLL_MS = 250;

/**
 * Loads `url` in a new tab of `browser` while tracing, waits until the page is loaded and quiet (no new marks,
 * main thread idle for QUIET_MS), and returns the load's figures.
 */
export async function measureLoad(
  browser: VariantBrowser,
  url: string,
  options: { timeoutMs?: number; onTrace?: (events: TraceEvent[]) => void } = {},
): Promise<Load> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
  const cdp = await browser.context.newCDPSession(page);
  try {
    // scripts to evaluate on new documents run only while the Page domain is enabled in this session
    await cdp.send('Page.enable');
    if (browser.variant.initScript) await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: browser.variant.initScript });
    await cdp.send('Performance.enable');
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => {
      for (const ev of e.value) events.push(ev as unknown as TraceEvent);
    });
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: TRACE_CATEGORIES, recordMode: 'recordAsMuchAsPossible' }, transferMode: 'ReportEvents' });
    const deadline = Date.now() + timeoutMs;
    await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
    await waitUntilQuiet(cdp, page, deadline);
    const registered = await countMarks(page);
    const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
    await cdp.send('Tracing.end');
    await complete;
    options.onTrace?.(events);
    // asked once the trace has ended: putting the marks in order for the answer is not the load's work
    const matches = (await paintedByExtension(browser, page.url())) ?? registered;
    return { ...analyzeTrace(events, url, browser.ownUrl), matches, errors };
  } finally {
    await cdp.detach().catch(() => {});
    await page.close();
  }
}

/**
 * The marks an extension says it painted on the tab at `url`, asked from its service worker as the popup asks
 * (`legal-lens:page-terms`, each term with its count); null when it has no worker or does not answer.
 */
async function paintedByExtension(browser: VariantBrowser, url: string): Promise<number | null> {
  const worker = browser.ownUrl?.startsWith('chrome-extension://') ? browser.context.serviceWorkers().find((w) => w.url().startsWith(browser.ownUrl!)) : undefined;
  if (!worker) return null;
  return worker
    .evaluate(async (u) => {
      type Api = { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]>; sendMessage(id: number, m: unknown, o: object): Promise<unknown> } };
      const api = (globalThis as unknown as { chrome: Api }).chrome;
      const tab = (await api.tabs.query({})).find((t) => t.url === u);
      if (tab?.id === undefined) return null;
      const answer = (await api.tabs.sendMessage(tab.id, { type: 'legal-lens:page-terms' }, { frameId: 0 }).catch(() => null)) as { terms?: { count: number }[] } | null;
      return answer?.terms ? answer.terms.reduce((sum, t) => sum + t.count, 0) : null;
    }, url)
    .catch(() => null);
}

async function countMarks(page: import('playwright-core').Page): Promise<number> {
  return page.evaluate(() => {
    let n = document.querySelectorAll('mark[data-markjs]').length;
    CSS.highlights.forEach((h, name) => {
      if (!name.endsWith('-active')) n += h.size;
    });
    return n;
  });
}

async function mainThreadBusyMs(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
}

async function waitUntilQuiet(cdp: CDPSession, page: import('playwright-core').Page, deadline: number): Promise<void> {
  let marks = await countMarks(page);
  let busy = await mainThreadBusyMs(cdp);
  let quietSince = Date.now();
  while (Date.now() - quietSince < QUIET_MS) {
    if (Date.now() > deadline) throw new Error(`${page.url()} did not settle in time`);
    await new Promise((r) => setTimeout(r, POLL_MS));
    const nowMarks = await countMarks(page);
    const nowBusy = await mainThreadBusyMs(cdp);
    if (nowMarks !== marks || nowBusy - busy > POLL_MS * 0.1) quietSince = Date.now();
    marks = nowMarks;
    busy = nowBusy;
  }
}

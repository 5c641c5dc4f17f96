// Real-browser test harness: Debian Chromium with the built extension loaded (playwright-core, headless),
// fixture pages served from 127.0.0.1, console errors collected from pages, content scripts and the
// service worker, and a screenshot of each test's end state in tests/artifacts/ (git-ignored).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { after, afterEach, before, beforeEach } from 'node:test';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { readSync, settingsWrite, writeSync } from './driver/shared';

export const ROOT = resolve(import.meta.dirname, '../..');
/** The Chrome build under test (EXTENSION_DIR may point at another build, to compare). */
export const EXTENSION_DIR = process.env.EXTENSION_DIR ?? join(ROOT, '.output/chrome-mv3');
export const OWN_FIXTURES = join(import.meta.dirname, 'fixtures');
export const ARTIFACTS = join(ROOT, 'tests/artifacts');

// Every test's end state is kept as a screenshot in tests/artifacts/: pages closed during the test are shot
// just before they close, pages still open when it ends are shot then.
let currentTest = 'test';
const liveContexts = new Set<BrowserContext>();
// only under the test runner (the benchmark uses this harness too)
if (process.env.NODE_TEST_CONTEXT) {
  beforeEach((t) => {
    currentTest = t.name;
  });
  afterEach(async () => {
    for (const context of liveContexts) {
      for (const page of context.pages()) if (!page.isClosed() && page.url() !== 'about:blank') await saveScreenshot(page, `${currentTest} end`);
    }
  });
}

function shootBeforeClose(page: Page): void {
  const close = page.close.bind(page);
  page.close = async (options) => {
    if (!page.isClosed() && page.url() !== 'about:blank') await saveScreenshot(page, `${currentTest} end`);
    return close(options);
  };
}

/** CHROMIUM_PATH, then /usr/bin/chromium; as root on Debian-like systems, installs Debian's chromium. */
export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].filter(Boolean) as string[];
  for (const c of candidates) if (existsSync(c)) return c;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  throw new Error('No Chromium found: install one (Debian: sudo apt-get install chromium) or set CHROMIUM_PATH.');
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.svg': 'image/svg+xml' };

/** A page made at request time (big hostile pages are generated, not stored): its body, and any headers. */
export type GeneratedPage = (query: URLSearchParams) => { body: string; headers?: Record<string, string> };

/**
 * Serves /own/* from tests/browser/fixtures (and /<name>/* from any extra folder given), and /gen/<name> from the
 * page generators given, on a free port of 127.0.0.1. `origin` is http://127.0.0.1:<port>; the same server answers
 * http://localhost:<port> too, a second origin for cross-origin frames (`otherOrigin`). Everything a test loads
 * lives in the repository.
 */
export async function startServer(
  extraRoots: Record<string, string> = {},
  generated: Record<string, GeneratedPage> = {},
): Promise<{ server: Server; origin: string; otherOrigin: string; url: (path: string) => string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = decodeURIComponent(url.pathname);
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const [, area, ...rest] = path.split('/');
    if (area === 'gen' && Object.hasOwn(generated, rest.join('/'))) {
      const page = generated[rest.join('/')](url.searchParams);
      res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store', ...page.headers }).end(page.body);
      return;
    }
    const base = area === 'own' ? OWN_FIXTURES : (extraRoots[area] ?? null);
    const file = base ? normalize(join(base, ...rest)) : '';
    if (!base || !file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return { server, origin, otherOrigin: `http://localhost:${port}`, url: (p) => `${origin}${p.startsWith('/') ? p : `/${p}`}` };
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** console errors and uncaught exceptions seen so far, from any page, frame or the service worker */
  errors: string[];
  extensionUrl: (path: string) => string;
  close: () => Promise<void>;
}

export interface LaunchOptions {
  colorScheme?: 'light' | 'dark';
  hasTouch?: boolean;
  viewport?: { width: number; height: number };
  reducedMotion?: 'reduce' | 'no-preference';
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`No build at ${EXTENSION_DIR}: run npm run build first.`);
  const userDataDir = mkdtempSync(join(tmpdir(), 'legal-lens-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: options.reducedMotion,
    hasTouch: options.hasTouch,
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
    ],
  });
  // tsx compiles test files with esbuild's keepNames, whose __name() calls end up in page.evaluate bodies
  await context.addInitScript('globalThis.__name = globalThis.__name || ((f) => f);');
  // highlights hold StaticRanges, which have no text: tests read it through a live Range
  await context.addInitScript(() => {
    (globalThis as unknown as { __rangeText: (r: AbstractRange) => string }).__rangeText = (r) => {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return live.toString();
    };
  });
  const errors: string[] = [];
  const watchPage = (page: Page) => {
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(`${page.url()}: console: ${msg.text()} (${msg.location().url})`);
    });
    page.on('pageerror', (err) => errors.push(`${page.url()}: uncaught: ${err.message}`));
  };
  context.pages().forEach(watchPage);
  context.on('page', watchPage);
  context.on('page', shootBeforeClose);
  liveContexts.add(context);
  const worker = await findServiceWorker(context);
  worker.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`service worker: console: ${msg.text()}`);
  });
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    errors,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    close: async () => {
      liveContexts.delete(context);
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The extension's service worker: already running, or the next one to start (polled, as the event can be missed). */
async function findServiceWorker(context: BrowserContext): Promise<Worker> {
  const deadline = Date.now() + 30000;
  while (Date.now() < deadline) {
    const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    if (worker) return worker;
    await context.waitForEvent('serviceworker', { timeout: 1000 }).catch(() => null);
  }
  throw new Error('The extension\'s service worker did not start within 30 s.');
}

export type FixtureServer = Awaited<ReturnType<typeof startServer>>;

/**
 * For a test file or suite: starts the fixture server and the browser with the extension before its tests,
 * closes both after. Read `env.browser` and `env.server` inside the tests.
 */
export function useExtensionBrowser(options: LaunchOptions = {}): { browser: ExtensionBrowser; server: FixtureServer } {
  const env = {} as { browser: ExtensionBrowser; server: FixtureServer };
  before(async () => {
    env.server = await startServer();
    env.browser = await launchWithExtension(options);
  });
  after(async () => {
    await env.browser?.close();
    env.server?.server.close();
  });
  return env;
}

/** Saves a screenshot of the page's current state under tests/artifacts/. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const endState = name.endsWith(' end');
  const dir = endState ? join(ARTIFACTS, 'end-states') : ARTIFACTS;
  mkdirSync(dir, { recursive: true });
  const base = name.replace(/[^a-z0-9-]+/gi, '-').toLowerCase().slice(0, 90);
  let file = join(dir, `${base}.png`);
  for (let n = 2; endState && existsSync(file); n++) file = join(dir, `${base}-${n}.png`);
  await page.screenshot({ path: file }).catch(() => {});
  return file;
}

/** Reads the content script's highlight registry from the page: names and range texts. */
export async function highlightedTexts(page: Page, name = 'legal-lens-underline'): Promise<string[]> {
  return page.evaluate((n) => {
    const h = CSS.highlights.get(n);
    return h ? [...h].map((r) => __rangeText(r as AbstractRange)) : [];
  }, name);
}

/** Waits until the highlight `name` holds at least `min` ranges (content scripts run asynchronously). */
export async function waitForHighlights(page: Page, min = 1, name = 'legal-lens-underline', timeout = 10000): Promise<string[]> {
  await page.waitForFunction(
    ([n, m]) => (CSS.highlights.get(n as string)?.size ?? 0) >= (m as number),
    [name, min] as const,
    { timeout },
  );
  return highlightedTexts(page, name);
}

/** Changes stored settings through an extension page, as the options page does; open tabs follow live. */
export async function setSettings(browser: ExtensionBrowser, patch: Record<string, unknown>): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('options.html'));
  const read = await page.evaluate(readSync);
  await page.evaluate(writeSync, settingsWrite(read, patch));
  await page.close();
}

/** The few chrome.* calls tests make from extension pages and the service worker. */
export interface ChromeForTests {
  storage: { sync: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } };
  tabs: {
    query(query: object): Promise<{ id?: number; url?: string }[]>;
    sendMessage(tabId: number, message: unknown, options?: { frameId?: number }): Promise<unknown>;
  };
}

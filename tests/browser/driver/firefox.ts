// The driver for Firefox (Debian's firefox-esr, headless, through puppeteer-core over WebDriver BiDi): the built
// Firefox package installed as a temporary add-on (browser.installExtension on .output/firefox-mv2), or a plain
// browser without it for comparisons. Extension pages are moz-extension://<uuid>/…; the uuid is fixed through a
// preference, and --remote-allow-system-access lets the driver open them.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Frame, type KeyInput, type Page } from 'puppeteer-core';
import { ROOT, saveScreenshot } from '../harness';
import { firefoxTooOld } from './firefox-version';
import { FIRST_PASS_PROBE_FILE } from '../../../utils/first-pass';
import { askTab, chord, firstPassRunsAt, installTestHelpers, messageTabs, readSync, settingsWrite, writeSync } from './shared';
import type { BrowserUnderTest, Evaluator, LaunchOptions, Tab } from './types';

/** The Firefox build under test (FIREFOX_BUILD may point at another build, to compare). */
export const FIREFOX_BUILD = process.env.FIREFOX_BUILD ?? join(ROOT, '.output/firefox-mv2');
const ADDON_ID = 'legal-lens@legal-lens.org';
const ADDON_UUID = '3f0c6a52-7d1e-4b8a-9c55-1e2d3c4b5a69';
const POLL_MS = 50;

/**
 * FIREFOX_PATH, then Debian's firefox-esr (installed with apt-get, after updating its package lists, when running
 * as root on Debian). Throws when none is found, or when the one found is too old for the tests (firefoxTooOld).
 */
export function findFirefox(): string {
  const path = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find((c) => c && existsSync(c)) ?? installFirefox();
  const tooOld = firefoxTooOld(execFileSync(path, ['--version'], { encoding: 'utf8' }), path);
  if (tooOld) throw new Error(tooOld);
  return path;
}

function installFirefox(): string {
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    // stale lists install an old release (ESR 140 where the registry has 153)
    execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', 'firefox-esr'], { stdio: 'inherit', env });
    if (existsSync('/usr/bin/firefox-esr')) return '/usr/bin/firefox-esr';
  }
  throw new Error('No Firefox found: install one (Debian: sudo apt-get update && sudo apt-get install firefox-esr) or set FIREFOX_PATH.');
}

class PuppeteerEvaluator implements Evaluator {
  constructor(protected readonly target: Page | Frame) {}

  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.target.evaluate(fn as never, arg) as Promise<R>;
  }

  async waitFor<A>(fn: (arg: A) => unknown, arg?: A, timeoutMs = 10_000): Promise<void> {
    await this.target.waitForFunction(fn as never, { timeout: timeoutMs, polling: POLL_MS }, arg);
  }
}

class FirefoxTab extends PuppeteerEvaluator implements Tab {
  readonly kind = 'firefox' as const;
  /** `openedAt`: the address the tab was found at, where puppeteer has not followed it (extension pages) */
  constructor(
    readonly page: Page,
    private readonly openedAt: string | null = null,
  ) {
    super(page);
  }

  async goto(url: string): Promise<void> {
    await this.page.goto(url);
  }

  url(): string {
    const url = this.page.url();
    return url === 'about:blank' && this.openedAt ? this.openedAt : url;
  }

  async frameNamed(name: string, timeoutMs = 10_000): Promise<Evaluator> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (const frame of this.page.frames()) {
        const found = await frame.evaluate(() => window.name).catch(() => null);
        if (found === name) return new PuppeteerEvaluator(frame);
      }
      if (Date.now() > deadline) throw new Error(`no frame named ${name}`);
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }

  async addInitScript<A>(fn: (arg: A) => void, arg: A): Promise<void> {
    await this.page.evaluateOnNewDocument(fn as never, arg);
  }

  async moveMouse(x: number, y: number, steps = 1): Promise<void> {
    await this.page.mouse.move(x, y, { steps });
  }

  async click(x: number, y: number): Promise<void> {
    await this.page.mouse.click(x, y);
  }

  async tap(x: number, y: number): Promise<void> {
    await this.page.touchscreen.tap(x, y);
  }

  async swipe(x: number, y: number, dy: number): Promise<void> {
    const touch = await this.page.touchscreen.touchStart(x, y);
    for (let step = 1; step <= 10; step++) await touch.move(x, y + (dy * step) / 10);
    await touch.end();
  }

  async press(keys: string): Promise<void> {
    const { modifiers, key } = chord(keys);
    for (const m of modifiers) await this.page.keyboard.down(m as KeyInput);
    await this.page.keyboard.press(key as KeyInput);
    for (const m of modifiers.reverse()) await this.page.keyboard.up(m as KeyInput);
  }

  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  async setViewport(width: number, height: number): Promise<void> {
    const current = this.page.viewport();
    await this.page.setViewport({ ...(current ?? {}), width, height });
  }

  async bringToFront(): Promise<void> {
    await this.page.bringToFront();
  }

  async screenshot(name: string): Promise<void> {
    await saveScreenshot(this.page as never, `${name}-firefox`);
  }

  async close(): Promise<void> {
    if (!this.page.isClosed()) await this.page.close();
  }
}

async function launchFirefoxBrowser(options: LaunchOptions, withExtension: boolean): Promise<BrowserUnderTest> {
  const prefs: Record<string, unknown> = {
    'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
    // 0: dark, 1: light (what pages see for prefers-color-scheme)
    'layout.css.prefers-color-scheme.content-override': options.colorScheme === 'dark' ? 0 : 1,
    'ui.prefersReducedMotion': options.reducedMotion === 'reduce' ? 1 : 0,
    'dom.w3c_touch_events.enabled': options.hasTouch ? 1 : 0,
  };
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: prefs,
  });
  if (withExtension) await browser.installExtension(FIREFOX_BUILD);
  const errors: string[] = [];
  const requests: string[] = [];
  const viewport = options.viewport ?? { width: 1280, height: 800 };
  const watch = (page: Page) => {
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`${page.url()}: console: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`${page.url()}: uncaught: ${String((e as Error).message ?? e)}`));
    page.on('request', (r) => requests.push(r.url()));
  };
  const newTab = async (): Promise<FirefoxTab> => {
    const page = await browser.newPage();
    watch(page);
    await page.setViewport({ ...viewport, hasTouch: !!options.hasTouch });
    await page.evaluateOnNewDocument(installTestHelpers);
    return new FirefoxTab(page);
  };
  const extensionUrl = (path: string) => `moz-extension://${ADDON_UUID}/${path.replace(/^\//, '')}`;
  /** A new tab at an extension page: the navigation switches to the extension's process, which puppeteer does
   *  not follow as a load, so the page itself is asked when it is there. */
  const extensionPage = async (path: string, { background = false } = {}): Promise<Page> => {
    if (!withExtension) throw new Error('no extension in this browser');
    const page = await browser.newPage({ background });
    watch(page);
    const url = extensionUrl(path);
    void page.goto(url, { timeout: 60_000 }).catch(() => {});
    const deadline = Date.now() + 30_000;
    for (;;) {
      const ready = await page.evaluate((u) => location.href === u && document.readyState === 'complete', url).catch(() => false);
      if (ready) return page;
      if (Date.now() > deadline) throw new Error(`the extension page ${path} did not open`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  let control: Page | null = null;
  /**
   * An extension page kept open for settings and messages (opening one costs a process switch), opened in the
   * background: Firefox runs a background tab's timers at most once a second, and the hostile suite's first run of
   * "defect 11", whose page went to the background when this tab opened in front, saw the page's timer 1,000 ms
   * late every time.
   */
  const controlPage = async (): Promise<Page> => {
    if (!control || control.isClosed()) control = await extensionPage('options.html', { background: true });
    return control;
  };
  const open = async (url: string) => {
    const tab = await newTab();
    await tab.goto(url);
    return tab;
  };
  return {
    kind: 'firefox',
    withExtension,
    errors,
    requests,
    newTab,
    open,
    async waitForNewTab(action) {
      const before = new Set(await browser.pages());
      await action();
      const deadline = Date.now() + 10_000;
      for (;;) {
        const page = (await browser.pages()).find((p) => !before.has(p));
        // a new tab starts at about:blank; an extension page comes in another process, which puppeteer's url()
        // does not follow: ask the document
        const href = page && (await page.evaluate(() => (document.readyState === 'complete' ? location.href : '')).catch(() => ''));
        if (page && href && href !== 'about:blank') {
          watch(page);
          return new FirefoxTab(page, href);
        }
        if (Date.now() > deadline) throw new Error('no new tab opened');
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    },
    async setSettings(patch) {
      if (!withExtension) throw new Error('no extension in this browser');
      const page = await controlPage();
      const read = await page.evaluate(readSync);
      await page.evaluate(writeSync, settingsWrite(read, patch));
    },
    async sendToTabs(message) {
      if (!withExtension) throw new Error('no extension in this browser');
      const page = await controlPage();
      await page.evaluate(messageTabs, message);
    },
    async askTab(url, message) {
      if (!withExtension) throw new Error('no extension in this browser');
      const page = await controlPage();
      return page.evaluate(askTab, { url, message });
    },
    async firstPassRuns(url) {
      if (!withExtension) throw new Error('no extension in this browser');
      const page = await controlPage();
      return page.evaluate(firstPassRunsAt, { url, file: FIRST_PASS_PROBE_FILE });
    },
    async openExtensionPage(path) {
      return new FirefoxTab(await extensionPage(path), extensionUrl(path));
    },
    extensionUrl,
    close: () => browser.close(),
  };
}

/** Firefox ESR with the built extension. */
export const launchFirefox = (options: LaunchOptions = {}) => launchFirefoxBrowser(options, true);
/** Plain Firefox ESR, without the extension: the same pages, for "with vs without" comparisons. */
export const launchPlainFirefox = (options: LaunchOptions = {}) => launchFirefoxBrowser(options, false);

// The driver for Chromium (Debian's /usr/bin/chromium through playwright-core): the extension loaded into a
// persistent context (harness.ts), or a plain browser without it for comparisons.
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { findChromium, launchWithExtension, saveScreenshot } from '../harness';
import { FIRST_PASS_PROBE_FILE } from '../../../utils/first-pass';
import { askTab, firstPassRunsAt, installTestHelpers, messageTabs, readSync, settingsWrite, writeSync } from './shared';
import type { BrowserUnderTest, Evaluator, LaunchOptions, Tab } from './types';

const POLL_MS = 50;

class PlaywrightEvaluator implements Evaluator {
  constructor(protected readonly target: Page | Frame) {}

  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.target.evaluate(fn as never, arg) as Promise<R>;
  }

  async waitFor<A>(fn: (arg: A) => unknown, arg?: A, timeoutMs = 10_000): Promise<void> {
    await this.target.waitForFunction(fn as never, arg, { timeout: timeoutMs, polling: POLL_MS });
  }
}

class ChromiumTab extends PlaywrightEvaluator implements Tab {
  readonly kind = 'chromium' as const;
  constructor(readonly page: Page) {
    super(page);
  }

  async goto(url: string): Promise<void> {
    await this.page.goto(url);
  }

  url(): string {
    return this.page.url();
  }

  async frameNamed(name: string, timeoutMs = 10_000): Promise<Evaluator> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (const frame of this.page.frames()) {
        const found = await frame.evaluate(() => window.name).catch(() => null);
        if (found === name) return new PlaywrightEvaluator(frame);
      }
      if (Date.now() > deadline) throw new Error(`no frame named ${name}`);
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }

  async addInitScript<A>(fn: (arg: A) => void, arg: A): Promise<void> {
    await this.page.addInitScript(fn as never, arg);
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
    // real touch events through the DevTools protocol (playwright's touchscreen only taps)
    const cdp = await this.page.context().newCDPSession(this.page);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
    for (let step = 1; step <= 10; step++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y + (dy * step) / 10 }] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await cdp.detach();
  }

  async press(keys: string): Promise<void> {
    await this.page.keyboard.press(keys);
  }

  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  async setViewport(width: number, height: number): Promise<void> {
    await this.page.setViewportSize({ width, height });
  }

  async bringToFront(): Promise<void> {
    await this.page.bringToFront();
  }

  async screenshot(name: string): Promise<void> {
    await saveScreenshot(this.page, `${name}-chromium`);
  }

  async close(): Promise<void> {
    if (!this.page.isClosed()) await this.page.close();
  }
}

/** Chromium with the built extension (persistent context, headless). */
export async function launchChromium(options: LaunchOptions = {}): Promise<BrowserUnderTest> {
  const ext = await launchWithExtension(options);
  const requests: string[] = [];
  ext.context.on('request', (r) => requests.push(r.url()));
  const tabs = new WeakMap<Page, ChromiumTab>();
  const wrap = async (page: Page) => {
    let tab = tabs.get(page);
    if (!tab) {
      tab = new ChromiumTab(page);
      tabs.set(page, tab);
    }
    return tab;
  };
  await ext.context.addInitScript(installTestHelpers);
  const newTab = async () => wrap(await ext.context.newPage());
  let control: Page | null = null;
  const controlPage = async () => {
    if (!control || control.isClosed()) {
      control = await ext.context.newPage();
      await control.goto(ext.extensionUrl('options.html'));
    }
    return control;
  };
  return {
    kind: 'chromium',
    withExtension: true,
    errors: ext.errors,
    requests,
    newTab,
    async open(url) {
      const tab = await newTab();
      await tab.goto(url);
      return tab;
    },
    async waitForNewTab(action) {
      const [page] = await Promise.all([ext.context.waitForEvent('page'), action()]);
      await page.waitForLoadState();
      return wrap(page);
    },
    async setSettings(patch) {
      const page = await controlPage();
      const read = await page.evaluate(readSync);
      await page.evaluate(writeSync, settingsWrite(read, patch));
    },
    async sendToTabs(message) {
      await ext.worker.evaluate(messageTabs, message);
    },
    askTab: (url, message) => ext.worker.evaluate(askTab, { url, message }),
    firstPassRuns: (url) => ext.worker.evaluate(firstPassRunsAt, { url, file: FIRST_PASS_PROBE_FILE }),
    async openExtensionPage(path) {
      const tab = await newTab();
      await tab.goto(ext.extensionUrl(path));
      return tab;
    },
    extensionUrl: ext.extensionUrl,
    close: ext.close,
  };
}

/** Plain Chromium, without the extension: the same pages, for "with vs without" comparisons. */
export async function launchPlainChromium(options: LaunchOptions = {}): Promise<BrowserUnderTest> {
  const browser: Browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context: BrowserContext = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: options.reducedMotion,
    hasTouch: options.hasTouch,
  });
  await context.addInitScript(installTestHelpers);
  const errors: string[] = [];
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  context.on('page', (page) => page.on('pageerror', (e) => errors.push(`${page.url()}: uncaught: ${e.message}`)));
  const newTab = async () => new ChromiumTab(await context.newPage());
  const none = () => Promise.reject(new Error('no extension in this browser'));
  return {
    kind: 'chromium',
    withExtension: false,
    errors,
    requests,
    newTab,
    async open(url) {
      const tab = await newTab();
      await tab.goto(url);
      return tab;
    },
    async waitForNewTab(action) {
      const [page] = await Promise.all([context.waitForEvent('page'), action()]);
      return new ChromiumTab(page);
    },
    setSettings: none,
    sendToTabs: none,
    askTab: none,
    firstPassRuns: none,
    openExtensionPage: none,
    extensionUrl: () => {
      throw new Error('no extension in this browser');
    },
    close: () => browser.close(),
  };
}

export type { ChromiumTab };

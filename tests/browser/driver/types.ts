// The page-object layer's view of a browser: what a browser test needs, the same in Chromium and Firefox. A
// behaviour is written once against these interfaces and runs in both (chromium.ts: playwright-core; firefox.ts:
// puppeteer-core over WebDriver BiDi).

export type BrowserKind = 'chromium' | 'firefox';

/** A viewport box, in CSS px. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Something scripts run in: a tab's top frame, or one of its frames. Functions are serialised: no closures. */
export interface Evaluator {
  evaluate<R>(fn: () => R | Promise<R>): Promise<R>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Waits until `fn` returns something truthy, checking every 50 ms (not every frame: the page keeps its time). */
  waitFor(fn: () => unknown, arg?: undefined, timeoutMs?: number): Promise<void>;
  waitFor<A>(fn: (arg: A) => unknown, arg: A, timeoutMs?: number): Promise<void>;
}

export interface Tab extends Evaluator {
  readonly kind: BrowserKind;
  goto(url: string): Promise<void>;
  url(): string;
  /** The frame whose window.name is `name` (at any depth), once it is there. */
  frameNamed(name: string, timeoutMs?: number): Promise<Evaluator>;
  /** Runs `fn` in every document this tab loads from now on, before the page's own scripts. */
  addInitScript<A>(fn: (arg: A) => void, arg: A): Promise<void>;
  /** Moves the mouse to (x, y) in `steps` moves. */
  moveMouse(x: number, y: number, steps?: number): Promise<void>;
  click(x: number, y: number): Promise<void>;
  tap(x: number, y: number): Promise<void>;
  /** Draws one finger from (x, y) by `dy` px (negative: upwards, as a reader scrolls down), in 10 moves. */
  swipe(x: number, y: number, dy: number): Promise<void>;
  /** Presses a key or a chord: "Escape", "Tab", "Enter", "Alt+ArrowDown". */
  press(keys: string): Promise<void>;
  /** Types text at the caret, key by key. */
  type(text: string): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  bringToFront(): Promise<void>;
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  colorScheme?: 'light' | 'dark';
  reducedMotion?: 'reduce' | 'no-preference';
  hasTouch?: boolean;
  viewport?: { width: number; height: number };
}

/** One browser, with the built extension loaded or (for comparisons) without it. */
export interface BrowserUnderTest {
  readonly kind: BrowserKind;
  readonly withExtension: boolean;
  /** console errors and uncaught exceptions seen so far, from any tab or frame (and, in Chromium, the worker) */
  readonly errors: string[];
  /** every URL requested so far by the tabs (and, in Chromium, the extension's worker and pages) */
  readonly requests: string[];
  newTab(): Promise<Tab>;
  /** A new tab at `url`. */
  open(url: string): Promise<Tab>;
  /** Runs `action` and returns the tab it opened. */
  waitForNewTab(action: () => Promise<unknown>): Promise<Tab>;
  /** Changes stored settings as the options page does; open tabs follow live. */
  setSettings(patch: Record<string, unknown>): Promise<void>;
  /** Sends `message` to the top frame of every tab, as the background does for the keyboard command. */
  sendToTabs(message: unknown): Promise<void>;
  /** Sends `message` to the top frame of the tab at `url`, as an extension page would, and returns its answer. */
  askTab(url: string, message: unknown): Promise<unknown>;
  /** Whether Legal Lens's first pass runs in the top frame of the tab at `url`, asked as the popup asks it (the probe script). */
  firstPassRuns(url: string): Promise<boolean>;
  /** A new tab showing one of the extension's pages ("options.html"). */
  openExtensionPage(path: string): Promise<Tab>;
  /** The URL of an extension page ("options.html"). */
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

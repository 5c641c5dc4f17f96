// script-context: the content script's context, in place of WXT's ContentScriptContext (wxt.config.ts aliases
// `wxt/utils/content-script-context` to this file). It does the same job — one AbortSignal for everything the
// script starts, timers that never fire once the extension is gone (reloaded, updated, removed) — without what a
// page could observe: WXT's context announces every start with a "content-script-started" CustomEvent on the
// page's document and a window.postMessage, which any page can listen for (issue 10, defect 16; SECURITY.md). A
// newer copy of the script in the same frame finds the older one through the isolated world's global object
// instead, which the page cannot see. It reads the extension's id from the browser's own API object
// (extension-api.ts) rather than importing the API polyfill, so the tiny document_start script
// (entrypoints/early-input.ts) stays tiny.
import { extensionApi } from './extension-api';

/** Where the running context of each content script of this frame is kept, in the isolated world. */
const RUNNING = '__legalLensContentScript:';

/** What a running script leaves in its slot: how a newer copy of it stops it. */
interface RunningScript {
  notifyInvalidated(): void;
}
type Running = Record<string, RunningScript | undefined>;
/** This extension's id, or undefined once the extension is gone (reloaded, updated, removed). */
function extensionId(): string | undefined {
  return extensionApi<{ runtime?: { id?: string } }>()?.runtime?.id;
}

/** Whether this extension is gone (reloaded, updated, removed): its scripts left in pages must stop. */
export function extensionGone(): boolean {
  return extensionId() == null;
}

/**
 * What the content script's parts use of their context: the one the first pass makes when it starts the
 * highlighter, handed over to it (utils/highlighter-handoff.ts).
 */
export type ScriptContext = Pick<ContentScriptContext, 'signal' | 'isInvalid' | 'onInvalidated' | 'setTimeout'>;

/**
 * For a script that runs without a context until it needs one (the first pass, entrypoints/first-pass/scout.ts,
 * which makes one only when it starts the highlighter): stops the running copy named `name` in this frame, if
 * any, and has `stop` called when a newer copy (or a context named `name`) starts. Returns a function that gives
 * the slot up, so that the script's own context, made later under the same name, does not stop it.
 */
export function takeScriptSlot(name: string, stop: () => void): () => void {
  const running = globalThis as unknown as Running;
  running[RUNNING + name]?.notifyInvalidated();
  const holder: RunningScript = { notifyInvalidated: stop };
  running[RUNNING + name] = holder;
  return () => {
    if (running[RUNNING + name] === holder) running[RUNNING + name] = undefined;
  };
}

export class ContentScriptContext implements AbortController {
  private readonly abortController = new AbortController();
  private readonly releaseSlot: () => void;

  constructor(
    readonly contentScriptName: string,
    readonly options?: object,
  ) {
    this.releaseSlot = takeScriptSlot(contentScriptName, () => this.notifyInvalidated());
  }

  get signal(): AbortSignal {
    return this.abortController.signal;
  }

  abort(reason?: unknown): void {
    this.abortController.abort(reason);
  }

  /** True once the script is stopped, or its extension is gone (then it stops now). */
  get isInvalid(): boolean {
    if (extensionId() == null) this.notifyInvalidated();
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  /** Calls `cb` when the script stops; returns a function that removes it. */
  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb);
    return () => this.signal.removeEventListener('abort', cb);
  }

  block<T>(): Promise<T> {
    return new Promise(() => {});
  }

  setInterval(handler: () => void, timeout?: number): number {
    const id = setInterval(() => this.isValid && handler(), timeout) as unknown as number;
    this.onInvalidated(() => clearInterval(id));
    return id;
  }

  /**
   * A callback run once (`schedule` starts it and returns its id, `cancel` cancels it), only while `valid()`,
   * and cancelled if the script stops first. Its stop listener goes when it runs: a page that changes every
   * second, read again each time (scout.ts), or a reader hovering marks for an hour (the card's timers) would
   * otherwise leave one listener, and the callback it holds, on the signal per call ever made.
   */
  private runOnce<A extends unknown[]>(
    schedule: (run: (...args: A) => void) => number,
    cancel: (id: number) => void,
    callback: (...args: A) => void,
    valid: () => boolean = () => this.isValid,
  ): number {
    const stop = () => cancel(id);
    const id = schedule((...args) => {
      this.signal.removeEventListener('abort', stop);
      if (valid()) callback(...args);
    });
    this.signal.addEventListener('abort', stop, { once: true });
    return id;
  }

  /** A timer that never fires once the script stops. */
  setTimeout(handler: () => void, timeout?: number): number {
    return this.runOnce((run) => setTimeout(run, timeout) as unknown as number, (id) => clearTimeout(id), handler);
  }

  /** An animation frame callback that never runs once the script stops. */
  requestAnimationFrame(callback: FrameRequestCallback): number {
    return this.runOnce((run) => requestAnimationFrame(run), (id) => cancelAnimationFrame(id), callback);
  }

  /** An idle callback that never runs once the script stops. */
  requestIdleCallback(callback: IdleRequestCallback, options?: IdleRequestOptions): number {
    return this.runOnce((run) => requestIdleCallback(run, options), (id) => cancelIdleCallback(id), callback, () => !this.signal.aborted);
  }

  /** Listens until the script stops. (WXT's own `wxt:` events are not supported: they are page-visible.) */
  addEventListener(target: EventTarget, type: string, handler: EventListenerOrEventListenerObject, options?: AddEventListenerOptions): void {
    target.addEventListener(type, handler, { ...options, signal: this.signal });
  }

  notifyInvalidated(): void {
    this.abort('Content script context invalidated');
    this.releaseSlot();
  }
}

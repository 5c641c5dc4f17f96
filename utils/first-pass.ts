// first-pass: how the popup tells a frame where Legal Lens's first pass runs (and has found no term yet) from one
// where no content script of ours runs (a browser page, the add-on store, a tab opened before the extension was
// installed). The first pass sets a mark in the content scripts' isolated world (which the page's own scripts
// never see) instead of listening for the popup's question: a message listener costs every page's main thread
// (it registers with the browser), a global costs nothing. The popup asks the frame's highlighter first (it
// answers with the terms it marked) and, when nothing answers, injects the probe (entrypoints/first-pass-probe.ts)
// into the same isolated world to read the mark.

/** The property of the isolated world's global object that the first pass sets while it runs. */
const FIRST_PASS_GLOBAL = '__legalLensFirstPass';

/** The path of the first pass inside the extension (what the background injects into a frame below the top one). */
export const FIRST_PASS_FILE = '/first-pass.js';

/** The path of the probe script inside the extension (what the popup injects). */
export const FIRST_PASS_PROBE_FILE = '/first-pass-probe.js';

type Marks = Record<string, boolean | undefined>;

/** Sets (or clears, when it stops) the first pass's mark in this isolated world. */
export function markFirstPass(running: boolean): void {
  (globalThis as unknown as Marks)[FIRST_PASS_GLOBAL] = running;
}

/** Whether the first pass runs in this isolated world (what the probe answers). */
export function firstPassRuns(): boolean {
  return (globalThis as unknown as Marks)[FIRST_PASS_GLOBAL] === true;
}

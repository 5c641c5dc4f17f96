// extension-api: the browser's own extension API object, for the scripts that run in web pages and do without the
// API polyfill (the first pass, frame-start, the script context).

/**
 * This context's extension API object, `T` being the part of it the caller uses: `browser` in the Firefox build,
 * `chrome` in Chrome's (both return promises there). Chosen by build, not by which global exists: Chrome before
 * version 148 has no `browser` in content scripts, and a page element named "browser" (`<div id="browser">`) could
 * then answer to that name through the window's named properties. Undefined where there is none (not an
 * extension context).
 */
export function extensionApi<T>(): T | undefined {
  const g = globalThis as unknown as { browser?: T; chrome?: T };
  return import.meta.env.FIREFOX ? g.browser : g.chrome;
}

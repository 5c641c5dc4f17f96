// load-highlighter: how the first pass brings the highlighter into its frame when the background left that to it
// (Chrome: background-link.ts). A dynamic import() of the highlighter's extension URL runs the module in the
// content script's isolated world, as an injected script does, but Chrome fetches and compiles a module off the
// page's main thread: the 50 kB highlighter's compile cost the page's thread 6-12 ms a frame when injected
// (traced on the dozen-term benchmark article, 2-core machine), and 0.2 ms imported. The file is web-accessible
// only through Chrome's per-session URL (use_dynamic_url), which no page can guess (SECURITY.md). Where the
// import fails (an older Chrome, a policy that refuses it), the background injects the script instead.
import type { Highlighter } from '@/utils/highlighter-handoff';

export interface HighlighterLoaders {
  /** the highlighter's URL in this session (runtime.getURL) */
  url: string;
  /** imports a module by URL (a dynamic import(), which tests replace) */
  importModule: (url: string) => Promise<unknown>;
  /** asks the background to inject the highlighter into this frame; rejects when it could not */
  inject: () => Promise<unknown>;
  /** the highlighter registered in this isolated world, or null */
  registered: () => Highlighter | null;
}

/**
 * Makes sure the highlighter is registered in this isolated world: imports it, and when the import fails or
 * registers nothing, has the background inject it. Resolves to the registered highlighter; rejects with an Error
 * when neither way registered one (the caller reads again later, as for any failed screen).
 */
export async function loadHighlighter({ url, importModule, inject, registered }: HighlighterLoaders): Promise<Highlighter> {
  const ready = registered();
  if (ready) return ready;
  try {
    await importModule(url);
  } catch {
    // refused or unreachable: the background's injection below does the same job, on the page's thread
  }
  const imported = registered();
  if (imported) return imported;
  await inject();
  const injected = registered();
  if (!injected) throw new Error('Legal Lens: the highlighter did not register');
  return injected;
}

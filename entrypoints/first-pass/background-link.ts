// background-link: the scout's messages to the background (scout.ts, ScoutLink), through the browser's own
// extension API object rather than the API polyfill, which the scout does not need: Firefox's `browser` and
// Chrome's MV3 `chrome` both return promises. What it sends: its frame's text, to be tested in the background's
// memory (SECURITY.md). Answers are checked before use. In Chrome the first pass loads the highlighter itself,
// by import (load-highlighter.ts); in Firefox, whose extension URLs are the same for every site a browser visits
// (an identifier, were a page to learn one), the background injects it.
import { checkLoad, isOff } from '@/glossary/runtime/head-answers';
import { extensionApi } from '@/utils/extension-api';
import { HIGHLIGHTER_FILE, registeredHighlighter } from '@/utils/highlighter-handoff';
import { loadHighlighter } from './load-highlighter';
import type { ScoutLink } from './scout';

type Listener = (...args: never[]) => unknown;
interface Event_<L extends Listener> {
  addListener(listener: L): void;
  removeListener(listener: L): void;
}
interface ExtensionApi {
  runtime: { sendMessage(message: unknown): Promise<unknown>; getURL(path: string): string };
  storage: { onChanged: Event_<(changes: unknown, area: string) => void> };
}

/** This context's extension API object (read when used: tests stand a fake one in). */
function api(): ExtensionApi {
  const found = extensionApi<ExtensionApi>();
  if (!found?.runtime) throw new Error('Legal Lens: no extension API in this context');
  return found;
}

/** Whether this build's first pass imports the highlighter (Chrome's builds) rather than have it injected. */
const IMPORTS_HIGHLIGHTER = !import.meta.env.FIREFOX;

export const backgroundLink: ScoutLink = {
  async screen(text) {
    const runtime = api().runtime;
    const answer = await runtime.sendMessage(IMPORTS_HIGHLIGHTER ? { type: 'legal-lens:screen-text', text, imports: true } : { type: 'legal-lens:screen-text', text });
    if (answer === null) return null;
    if (isOff(answer)) return 'off';
    const found = checkLoad(answer);
    if (found.loaded !== 'import') return found;
    await loadHighlighter({
      url: runtime.getURL(HIGHLIGHTER_FILE),
      importModule: (url) => import(/* @vite-ignore */ url),
      inject: () => runtime.sendMessage({ type: 'legal-lens:load-highlighter' }),
      registered: registeredHighlighter,
    });
    return { ...found, loaded: true };
  },
  highlighter: registeredHighlighter,
  watchSettings(listener) {
    const onChanged = (_changes: unknown, area: string) => {
      if (area === 'sync') listener();
    };
    const storage = api().storage;
    storage.onChanged.addListener(onChanged);
    return () => storage.onChanged.removeListener(onChanged);
  },
};

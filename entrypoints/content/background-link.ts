// background-link: the scout's messages to the background (scout.ts, ScoutLink), through the browser's own
// extension API object rather than the API polyfill, which the scout does not need: Firefox's `browser` and
// Chrome's MV3 `chrome` both return promises. What it sends: its frame's text, to be tested in the background's
// memory (SECURITY.md). Answers are checked before use.
import { checkLoad, isOff } from '@/glossary/runtime/head-answers';
import { registeredHighlighter } from '@/utils/highlighter-handoff';
import type { ScoutLink } from './scout';

type Listener = (...args: never[]) => unknown;
interface Event_<L extends Listener> {
  addListener(listener: L): void;
  removeListener(listener: L): void;
}
interface ExtensionApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: { onChanged: Event_<(changes: unknown, area: string) => void> };
}

/** This context's extension API object (read when used: tests stand a fake one in). */
function api(): ExtensionApi {
  const g = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
  const found = g.browser ?? g.chrome;
  if (!found?.runtime) throw new Error('Legal Lens: no extension API in this context');
  return found;
}

export const backgroundLink: ScoutLink = {
  async screen(text) {
    const answer = await api().runtime.sendMessage({ type: 'legal-lens:screen-text', text });
    if (answer === null) return null;
    return isOff(answer) ? 'off' : checkLoad(answer);
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

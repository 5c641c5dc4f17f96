// background-link: the scout's messages to the background (scout.ts, ScoutLink), through the browser's own
// extension API object rather than the API polyfill, which the scout does not need: Firefox's `browser` and
// Chrome's MV3 `chrome` both return promises. What it sends: that it wants the heads' filter, and later the
// heads its frame's words hold (never the text itself; SECURITY.md). Answers are checked before use.
import { checkFilter, checkLoad, isOff } from '@/glossary/runtime/head-answers';
import { registeredHighlighter } from '@/utils/highlighter-handoff';
import type { ScoutLink } from './scout';

type Listener = (...args: never[]) => unknown;
interface Event_<L extends Listener> {
  addListener(listener: L): void;
  removeListener(listener: L): void;
}
type MessageListener = (message: unknown, sender: unknown, sendResponse: (answer: unknown) => void) => true | undefined;
interface ExtensionApi {
  runtime: { sendMessage(message: unknown): Promise<unknown>; onMessage: Event_<MessageListener> };
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
  async filter() {
    const answer = await api().runtime.sendMessage({ type: 'legal-lens:glossary-filter' });
    return isOff(answer) ? 'off' : checkFilter(answer);
  },
  async load(heads) {
    const answer = await api().runtime.sendMessage({ type: 'legal-lens:load-highlighter', heads });
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
  answerNoTerms() {
    // the popup asks the tab's top frame which terms it holds: none, until the highlighter answers instead
    if (window !== window.top) return () => {};
    const onMessage: MessageListener = (message, _sender, sendResponse) => {
      if ((message as { type?: unknown } | null)?.type !== 'legal-lens:page-terms') return undefined;
      sendResponse({ terms: [] });
      return true;
    };
    const runtime = api().runtime;
    runtime.onMessage.addListener(onMessage);
    return () => runtime.onMessage.removeListener(onMessage);
  },
};

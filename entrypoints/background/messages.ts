// messages: what the background answers. Content scripts ask for the glossary's parts their page needs (the
// heads' filter, then the keys of the heads their text holds: glossary/runtime/head-index.ts), for the first pass
// (injected into a frame below the top one once it can show a word), for the highlighter (injected into their
// frame when its text holds a term), for card texts (they bundle neither), for
// the card UI (injected into their frame the first time a card is about to open),
// and to open an explainer page in a new tab next to theirs. Every message is validated, and only this
// extension's own pages and content scripts
// are answered (a web page or another extension gets nothing).
import type { OffAnswer, ScreenAnswer } from '@/glossary/runtime/head-answers';
import type { FilterResponse, HeadIndex, HeadsResponse } from '@/glossary/runtime/head-index';
import type { Card, CardData } from '@/glossary/runtime/types';
import { isOwnSender, parseMessage } from '@/utils/messages';

export interface MessageSender {
  id?: string;
  tab?: { id?: number; index?: number; url?: string };
  /** the frame the message came from (0: the tab's top frame) */
  frameId?: number;
  /** the document the message came from (Chrome only) */
  documentId?: string;
  /** the address of the frame the message came from */
  url?: string;
}

export interface BackgroundDeps {
  /** the cards by term id, read once (catalog entries may carry more: only a card's own fields are sent) */
  cards: () => Promise<CardData>;
  /** this extension's id */
  ownId: string;
  /** the extension URL of a path such as "/explainer.html#tps" */
  getURL: (path: string) => string;
  openTab: (tab: { url: string; index?: number }) => void;
  /** injects the card UI script into one frame of a tab (into its content script's isolated world) */
  injectCardUi: (tabId: number, frameId: number) => Promise<void>;
  /** injects the highlighter script into one frame of a tab (into its content script's isolated world) */
  injectHighlighter: (tabId: number, frameId: number) => Promise<void>;
  /**
   * injects the first pass into one frame of a tab (into its content scripts' isolated world); with `documentId`,
   * only while that document is the frame's
   */
  injectFirstPass: (tabId: number, frameId: number, documentId?: string) => Promise<void>;
  /** whether the extension is on for a page at this address (the settings, and "off on this site") */
  isOnAt: (url: string) => Promise<boolean>;
  /** the glossary filed by head, read once; null when the shipped glossary is unreadable (reported) */
  glossary: () => Promise<HeadIndex | null>;
}

export type Answer = Promise<CardData | true | FilterResponse | HeadsResponse | ScreenAnswer | OffAnswer | null> | undefined;

/**
 * Answers one message: the heads' filter for `legal-lens:glossary-filter` and the keys of the heads asked for
 * for `legal-lens:glossary-heads` (promises; null when the glossary is unreadable); for
 * `legal-lens:screen-text`, the keys of the heads a frame's text holds (head-screen.ts), after injecting the
 * highlighter into the sender's frame when it holds any (`loaded`, with the filter it starts with; rejects when
 * it could not be injected), or, when the sender imports the highlighter itself (`imports`), without injecting
 * it (`loaded: 'import'`) — the text is tested in memory and dropped, never kept or sent on; the filter and
 * the screen are answered `{ off: true }` instead when the extension is off for the sender's tab's site; a
 * promise of the requested cards (known ids only) for `legal-lens:get-cards`; for `legal-lens:load-card-ui` and
 * `legal-lens:load-highlighter`, a promise that resolves to true once the card UI or the highlighter is injected
 * into the sender's frame (and rejects when it could not be); for `legal-lens:load-first-pass`, the same with the
 * first pass, for a frame below the top one only (the top frame's first pass is its own content script: its
 * message gets nothing); nothing (undefined) for everything else, after opening the explainer for
 * `legal-lens:open-explainer`.
 */
export function answerMessage(raw: unknown, sender: MessageSender, deps: BackgroundDeps): Answer {
  if (!isOwnSender(sender, deps.ownId)) return undefined;
  const msg = parseMessage(raw);
  // "off on this site" follows the tab's top-level page (its frames with it), as the highlighter's settings do
  const site = sender.tab?.url ?? sender.url ?? '';
  if (msg?.type === 'legal-lens:glossary-filter') {
    return deps.isOnAt(site).then(async (on): Promise<FilterResponse | OffAnswer | null> => (on ? ((await deps.glossary())?.filter() ?? null) : OFF));
  }
  if (msg?.type === 'legal-lens:screen-text') {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return undefined; // only content scripts, which live in a tab, need it
    const text = msg.text;
    const imports = msg.imports === true;
    return deps.isOnAt(site).then(async (on): Promise<ScreenAnswer | OffAnswer | null> => {
      if (!on) return OFF;
      const glossary = await deps.glossary();
      if (!glossary) return null;
      const found = glossary.screen(text);
      if (!Object.keys(found.heads).length) return { ...found, loaded: false };
      if (imports) return { ...found, loaded: 'import', filter: glossary.filter() };
      await deps.injectHighlighter(tabId, sender.frameId ?? 0);
      return { ...found, loaded: true, filter: glossary.filter() };
    });
  }
  if (msg?.type === 'legal-lens:glossary-heads') {
    const heads = msg.heads;
    return deps.glossary().then((g): HeadsResponse | null => g?.lookup(heads) ?? null);
  }
  if (msg?.type === 'legal-lens:get-cards') {
    const ids = msg.ids;
    return deps.cards().then((cards): CardData => Object.fromEntries(ids.filter((id) => Object.hasOwn(cards, id)).map((id) => [id, cardOf(cards[id])])));
  }
  if (msg?.type === 'legal-lens:load-card-ui' || msg?.type === 'legal-lens:load-highlighter') {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return undefined; // only content scripts, which live in a tab, need it
    const inject = msg.type === 'legal-lens:load-card-ui' ? deps.injectCardUi : deps.injectHighlighter;
    return inject(tabId, sender.frameId ?? 0).then(() => true);
  }
  if (msg?.type === 'legal-lens:load-first-pass') {
    const tabId = sender.tab?.id;
    const frameId = sender.frameId;
    if (tabId === undefined || !frameId) return undefined; // a frame of a tab, not its top frame (0)
    return deps.injectFirstPass(tabId, frameId, sender.documentId).then(() => true);
  }
  if (msg?.type === 'legal-lens:open-explainer') {
    const lang = msg.lang ? `?lang=${msg.lang}` : '';
    const index = sender.tab?.index;
    deps.openTab({ url: deps.getURL(`/explainer.html${lang}#${msg.id}`), ...(index !== undefined ? { index: index + 1 } : {}) });
  }
  return undefined;
}

const OFF: OffAnswer = { off: true };

/** What a content script needs to draw a card, and nothing else (no aliases, no review dates). */
function cardOf({ id, category, related, en, es }: Card): Card {
  const text = ({ title, summary, source, asOfMonth }: Card['en']) => ({ title, summary, source, ...(asOfMonth ? { asOfMonth } : {}) });
  return { id, category, related, en: text(en), es: text(es) };
}

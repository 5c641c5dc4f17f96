// messages: what the background answers. Content scripts ask for card texts (they do not bundle them) and ask
// it to open an explainer page in a new tab next to theirs. Every message is validated, and only this
// extension's own pages and content scripts are answered (a web page or another extension gets nothing).
import type { CardData } from '@/glossary/runtime/types';
import { isOwnSender, parseMessage } from '@/utils/messages';

export interface MessageSender {
  id?: string;
  tab?: { index?: number };
}

export interface BackgroundDeps {
  cards: CardData;
  /** this extension's id */
  ownId: string;
  /** the extension URL of a path such as "/explainer.html#tps" */
  getURL: (path: string) => string;
  openTab: (tab: { url: string; index?: number }) => void;
}

/**
 * Answers one message: the requested cards (known ids only) for `legal-lens:get-cards`; nothing (undefined)
 * for everything else, after opening the explainer for `legal-lens:open-explainer`.
 */
export function answerMessage(raw: unknown, sender: MessageSender, deps: BackgroundDeps): CardData | undefined {
  if (!isOwnSender(sender, deps.ownId)) return undefined;
  const msg = parseMessage(raw);
  if (msg?.type === 'legal-lens:get-cards') {
    return Object.fromEntries(msg.ids.filter((id) => Object.hasOwn(deps.cards, id)).map((id) => [id, deps.cards[id]]));
  }
  if (msg?.type === 'legal-lens:open-explainer') {
    const lang = msg.lang ? `?lang=${msg.lang}` : '';
    const index = sender.tab?.index;
    deps.openTab({ url: deps.getURL(`/explainer.html${lang}#${msg.id}`), ...(index !== undefined ? { index: index + 1 } : {}) });
  }
  return undefined;
}

// card-texts: the words of the cards on a web page. The content script does not bundle them (its size budget,
// README "Performance"): the background sends each term's card when it is first hovered, tapped or reached by
// keyboard, with its related terms' titles, and they are kept for the life of the page.
import { browser } from 'wxt/browser';
import type { CardTexts } from '@/components/card-view';
import type { CardData } from '@/glossary/runtime/types';

/** Asks the background for the cards of `ids` (at most 20, see utils/messages.ts); unknown ids are left out. */
async function requestCards(ids: string[]): Promise<CardData> {
  const response: unknown = await browser.runtime.sendMessage({ type: 'legal-lens:get-cards', ids });
  return response && typeof response === 'object' ? (response as CardData) : {};
}

/** Card texts fetched on first use and cached; calls for the same term while it is on its way share one fetch. */
export class FetchedCardTexts implements CardTexts {
  readonly cards: CardData = {};
  private readonly pending = new Map<string, Promise<void>>();
  /** ids the background has no card for: asked once, never again */
  private readonly absent = new Set<string>();

  constructor(private readonly load: (ids: string[]) => Promise<CardData> = requestCards) {}

  ensure(id: string): Promise<void> {
    if (this.has(id) && (this.cards[id]?.related ?? []).every((r) => this.has(r))) return Promise.resolve();
    let fetching = this.pending.get(id);
    if (!fetching) {
      fetching = this.fetch(id).finally(() => this.pending.delete(id));
      this.pending.set(id, fetching);
    }
    return fetching;
  }

  /** Known: here, or known to be missing. */
  private has(id: string): boolean {
    return !!this.cards[id] || this.absent.has(id);
  }

  private async fetch(id: string): Promise<void> {
    if (!this.has(id)) await this.add([id]);
    const related = (this.cards[id]?.related ?? []).filter((r) => !this.has(r));
    if (related.length) await this.add(related.slice(0, 20));
  }

  private async add(ids: string[]): Promise<void> {
    let fetched: CardData;
    try {
      fetched = await this.load(ids);
    } catch {
      return; // the background was not reachable (the extension reloading): try again next time
    }
    for (const id of ids) {
      if (fetched[id]) this.cards[id] = fetched[id];
      else this.absent.add(id);
    }
  }
}

// The popup's view of the active tab: its site, and the terms its content script found.
import { browser } from 'wxt/browser';
import type { PageTerm } from '@/utils/messages';

export interface ActiveTab {
  id?: number;
  url?: string;
}

export async function getActiveTab(): Promise<ActiveTab | null> {
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab ? { id: tab.id, url: tab.url } : null;
  } catch {
    return null;
  }
}

/** The terms found in the tab's top frame, or null when no content script answers
 *  (browser pages, the add-on store, PDFs, tabs opened before the extension was installed). */
export async function requestPageTerms(tabId: number): Promise<PageTerm[] | null> {
  try {
    const response: unknown = await browser.tabs.sendMessage(tabId, { type: 'legal-lens:page-terms' }, { frameId: 0 });
    const terms = (response as { terms?: unknown } | undefined)?.terms;
    if (!Array.isArray(terms)) return null;
    return terms.filter(
      (t): t is PageTerm => !!t && typeof t.id === 'string' && typeof t.count === 'number' && t.count > 0,
    );
  } catch {
    return null;
  }
}

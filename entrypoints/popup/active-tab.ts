// The popup's view of the active tab: its site, and the terms its content script found.
import { browser } from 'wxt/browser';
import type { PageTerm } from '@/utils/messages';
import { FIRST_PASS_PROBE_FILE } from '@/utils/first-pass';

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

/**
 * The terms found in the tab's top frame: those its highlighter marked; none when only the first pass runs there
 * (it found no term: utils/first-pass.ts); null when no content script of ours runs there (browser pages, the
 * add-on store, PDFs, tabs opened before the extension was installed).
 */
export async function requestPageTerms(tabId: number): Promise<PageTerm[] | null> {
  try {
    const response: unknown = await browser.tabs.sendMessage(tabId, { type: 'legal-lens:page-terms' }, { frameId: 0 });
    const terms = (response as { terms?: unknown } | undefined)?.terms;
    if (!Array.isArray(terms)) return null;
    return terms.filter(
      (t): t is PageTerm => !!t && typeof t.id === 'string' && typeof t.count === 'number' && t.count > 0,
    );
  } catch {
    return (await firstPassRunsIn(tabId)) ? [] : null;
  }
}

/** Whether Legal Lens's first pass runs in the tab's top frame (the probe's answer); false when it cannot be asked. */
async function firstPassRunsIn(tabId: number): Promise<boolean> {
  try {
    // Chrome (Manifest V3) injects with the scripting API; Firefox (Manifest V2, no scripting permission) with tabs
    if (browser.scripting?.executeScript) {
      const [result] = await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [FIRST_PASS_PROBE_FILE] });
      return result?.result === true;
    }
    const results = await browser.tabs.executeScript(tabId, { file: FIRST_PASS_PROBE_FILE, frameId: 0 });
    return results?.[0] === true;
  } catch {
    return false;
  }
}

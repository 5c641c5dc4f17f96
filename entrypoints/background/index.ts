// Background: settings defaults and migration, the context menu, the keyboard command, and the messages of
// content scripts (answered in messages.ts: validated, and only from this extension), among them the glossary's
// parts a page needs (the shipped glossary, read once per life of the background and filed by head).
import loadCatalogFile from 'virtual:glossary/catalog-file';
import shippedGlossary from 'virtual:glossary/matcher-index';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { CARD_UI_FILE } from '@/components/card-ui';
import { HIGHLIGHTER_FILE } from '@/utils/highlighter-handoff';
import { FIRST_PASS_FILE } from '@/utils/first-pass';
import { loadHeadIndex, type HeadIndex } from '@/glossary/runtime/head-index';
import type { Catalog } from '@/glossary/runtime/types';
import { createExactLookup, itemsFromCatalog } from '@/glossary/runtime/names';
import { isActiveOn, loadSettings, writeCleanSettings } from '@/utils/settings';
import { lookupPath } from './lookup';
import { answerMessage, type MessageSender } from './messages';
import { pdfMenuItem, readerTabFor } from './pdf-menu';

const MENU_ID = 'legal-lens-lookup';

/**
 * Injects one of our scripts (the first pass, the card UI, the highlighter) into one frame of a tab, into the
 * isolated world of our content scripts there (never the page's world), at once even while the page is still
 * loading. With `documentId` (Chrome: the document that asked), only into that document: a frame that has
 * navigated since gets nothing (its new document asks for itself). Rejects when the frame or document is gone.
 */
async function inject(file: typeof CARD_UI_FILE | typeof HIGHLIGHTER_FILE | typeof FIRST_PASS_FILE, tabId: number, frameId: number, documentId?: string): Promise<void> {
  if (import.meta.env.MANIFEST_VERSION === 3) {
    const target = documentId ? { tabId, documentIds: [documentId] } : { tabId, frameIds: [frameId] };
    await browser.scripting.executeScript({ target, files: [file], injectImmediately: true });
  } else {
    await browser.tabs.executeScript(tabId, { file, frameId, matchAboutBlank: true, runAt: 'document_start' });
  }
}

/**
 * The glossary filed by head: inflated and filed on the first question, then kept; null (and a console error,
 * once) when the shipped glossary or its index is unreadable, so content scripts stay inert.
 */
/**
 * The catalog (cards and names), read from the package on the first question, then kept; null (and a console
 * error, once) when it is unreadable: cards then do not open, and the context menu searches.
 */
let catalog: Promise<Catalog | null> | null = null;
function loadCatalog(): Promise<Catalog | null> {
  catalog ??= loadCatalogFile().catch((e: unknown) => {
    console.error(`Legal Lens: the glossary's cards are unreadable: ${String((e as Error)?.message ?? e)}`);
    return null;
  });
  return catalog;
}

let glossary: Promise<HeadIndex | null> | null = null;
function headIndex(): Promise<HeadIndex | null> {
  glossary ??= loadHeadIndex(shippedGlossary);
  return glossary;
}

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(async () => {
    // write back a clean copy: fills in new defaults, drops fields that no longer validate, moves a site list
    // stored inside the settings item to its own items
    try {
      await writeCleanSettings();
    } catch {
      // storage unavailable (e.g. sync disabled by policy): content scripts fall back to defaults
    }
    try {
      await browser.contextMenus.removeAll();
      browser.contextMenus.create({
        id: MENU_ID,
        title: browser.i18n.getMessage('contextMenuLookup') || 'Look up in Legal Lens',
        contexts: ['selection'],
      });
      browser.contextMenus.create(pdfMenuItem(browser.i18n.getMessage('contextMenuOpenPdf') || 'Open with Legal Lens'));
    } catch {
      // menus are optional
    }
  });

  let lookup: Promise<(text: string) => string[]> | null = null;
  browser.contextMenus?.onClicked.addListener((info, tab) => {
    const reader = readerTabFor(info, tab, (path) => browser.runtime.getURL(path as '/pdf.html'));
    if (reader) void browser.tabs.create(reader);
    if (info.menuItemId !== MENU_ID || !info.selectionText) return;
    const selection = info.selectionText;
    lookup ??= loadCatalog().then((c) => createExactLookup(c ? itemsFromCatalog(c) : []));
    void lookup.then((l) => {
      const path = lookupPath(selection, l);
      if (path) void browser.tabs.create({ url: browser.runtime.getURL(path as '/explainer.html') });
    });
  });

  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'focus-card') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) {
      await browser.tabs.sendMessage(tab.id, { type: 'legal-lens:focus-card' }, { frameId: 0 }).catch(() => {});
    }
  });

  // a listener that returns a promise answers with its value; undefined leaves the message to others
  browser.runtime.onMessage.addListener((raw: unknown, sender: MessageSender) => {
    const answer = answerMessage(raw, sender, {
      cards: () => loadCatalog().then((c) => c?.terms ?? {}),
      ownId: browser.runtime.id,
      getURL: (path) => browser.runtime.getURL(path as '/explainer.html'),
      openTab: (tab) => void browser.tabs.create(tab),
      injectCardUi: (tabId, frameId) => inject(CARD_UI_FILE, tabId, frameId),
      injectHighlighter: (tabId, frameId) => inject(HIGHLIGHTER_FILE, tabId, frameId),
      injectFirstPass: (tabId, frameId, documentId) => inject(FIRST_PASS_FILE, tabId, frameId, documentId),
      isOnAt: async (url) => isActiveOn(await loadSettings(), url),
      glossary: headIndex,
    });
    return answer === undefined ? undefined : Promise.resolve(answer);
  });
});

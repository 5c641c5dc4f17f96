// Background: settings defaults and migration, the context menu, the keyboard command, and the messages of
// content scripts (answered in messages.ts: validated, and only from this extension), among them the glossary's
// parts a page needs (the shipped glossary, read once per life of the background and filed by head).
import shippedGlossary from 'virtual:glossary/matcher-index';
import cards from 'virtual:glossary/cards';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { CARD_UI_FILE } from '@/components/card-ui';
import { loadHeadIndex, type HeadIndex } from '@/glossary/runtime/head-index';
import { writeCleanSettings } from '@/utils/settings';
import { answerMessage, type MessageSender } from './messages';

const MENU_ID = 'legal-lens-lookup';

/**
 * Injects the card UI into one frame of a tab, into the isolated world of our content script there (never the
 * page's world), at once even while the page is still loading.
 */
async function injectCardUi(tabId: number, frameId: number): Promise<void> {
  if (import.meta.env.MANIFEST_VERSION === 3) {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [CARD_UI_FILE], injectImmediately: true });
  } else {
    await browser.tabs.executeScript(tabId, { file: CARD_UI_FILE, frameId, matchAboutBlank: true, runAt: 'document_start' });
  }
}

/**
 * The glossary filed by head: inflated and filed on the first question, then kept; null (and a console error,
 * once) when the shipped glossary or its index is unreadable, so content scripts stay inert.
 */
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
    } catch {
      // menus are optional
    }
  });

  browser.contextMenus?.onClicked.addListener((info) => {
    if (info.menuItemId !== MENU_ID || !info.selectionText) return;
    const q = info.selectionText.trim().slice(0, 100);
    void browser.tabs.create({ url: browser.runtime.getURL(`/explainer.html?q=${encodeURIComponent(q)}` as '/explainer.html') });
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
      cards,
      ownId: browser.runtime.id,
      getURL: (path) => browser.runtime.getURL(path as '/explainer.html'),
      openTab: (tab) => void browser.tabs.create(tab),
      injectCardUi,
      glossary: headIndex,
    });
    return answer === undefined ? undefined : Promise.resolve(answer);
  });
});

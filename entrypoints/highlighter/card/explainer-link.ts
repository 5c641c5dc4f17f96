// explainer-link: how a card on a web page leads to the extension's explainer page — the URL of its "Read the
// full explainer" link, and a message asking the background to open that page in a tab next to this one.
import { browser } from 'wxt/browser';
import type { Lang } from '@/glossary/runtime/types';

export function explainerHref(id: string): string {
  return browser.runtime.getURL(`/explainer.html#${id}` as '/explainer.html');
}

export function openExplainer(id: string, lang: Lang): void {
  void browser.runtime.sendMessage({ type: 'legal-lens:open-explainer', id, lang }).catch(() => {});
}

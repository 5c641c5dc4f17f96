// pdf-menu: the "Open with Legal Lens" item of the context menu on links to PDFs. Choosing it opens the PDF
// reader on that link in a new tab next to the current one; nothing happens to PDFs the user did not choose.
import { PDF_LINK_PATTERNS, isPdfAddress, readerPath } from '@/utils/pdf-links';

export const PDF_MENU_ID = 'legal-lens-open-pdf';

/** The menu item: only on links whose address ends in .pdf. */
export function pdfMenuItem(title: string) {
  return { id: PDF_MENU_ID, title, contexts: ['link'] as ['link'], targetUrlPatterns: PDF_LINK_PATTERNS };
}

/**
 * The tab to open for a click on the menu item: the reader for the link's address, next to the tab it was
 * chosen in; null for any other item, or a link that is not an http(s) address of a PDF.
 */
export function readerTabFor(
  info: { menuItemId: string | number; linkUrl?: string },
  tab: { index?: number } | undefined,
  getURL: (path: string) => string,
): { url: string; index?: number } | null {
  if (info.menuItemId !== PDF_MENU_ID || !info.linkUrl || !isPdfAddress(info.linkUrl) || info.linkUrl.startsWith('file:')) return null;
  const url = getURL(readerPath(info.linkUrl));
  return tab?.index !== undefined ? { url, index: tab.index + 1 } : { url };
}

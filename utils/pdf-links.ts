// pdf-links: how the popup and the context menu lead to the PDF reader. A tab or link is taken to be a PDF when
// its address's path ends in ".pdf" (how court, agency and Federal Register PDFs are published); the reader
// itself checks the bytes and says so plainly when a file is not a PDF.

/** Match patterns for links to PDFs (the context menu's targetUrlPatterns). */
export const PDF_LINK_PATTERNS = ['*://*/*.pdf', '*://*/*.pdf?*', '*://*/*.pdf#*', '*://*/*.PDF', '*://*/*.PDF?*'];

/** True when `url` is an http(s) or file address whose path ends in ".pdf" (any case). */
export function isPdfAddress(url: string | undefined | null): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!['http:', 'https:', 'file:'].includes(parsed.protocol)) return false;
  return /\.pdf$/i.test(parsed.pathname);
}

/** The reader page's path for the PDF at `url` ("/pdf.html?url=…"); pass it to runtime.getURL. */
export function readerPath(url: string): string {
  return `/pdf.html?url=${encodeURIComponent(url)}`;
}

// page-lang: the language a frame's cards speak when the reader left it to the page. A frame that declares it
// (<html lang>) is taken at its word; one that does not is read — a sample of its text, through the browser's own
// i18n.detectLanguage, which content scripts can call in Chrome and Firefox and which sends nothing anywhere — and
// a frame whose language cannot be told gets the browser's UI language.

/** The two calls of browser.i18n this needs. */
export interface LanguageDetector {
  detectLanguage(text: string): Promise<{ languages: { language: string; percentage: number }[] }>;
  getUILanguage(): string;
}

/**
 * A BCP 47 tag for the frame's cards: "es-MX" from <html lang>, else "es" as detected in `sample()` (called only
 * then; at most its first 2000 characters are read), else the browser's UI language. Never rejects.
 */
export async function pageLanguage(doc: Document, i18n: LanguageDetector, sample: () => string): Promise<string> {
  return (
    doc.documentElement.lang.trim() ||
    (await i18n.detectLanguage(sample().slice(0, 2000)).then(
      ({ languages: [top] }) => (top?.percentage >= 50 ? top.language : ''),
      () => '', // no detector (an old browser)
    )) ||
    i18n.getUILanguage()
  );
}

// ::highlight() rules only reach ranges in the tree that holds the rule, so an open shadow root of the page
// adopts a constructed copy of our highlight rules. adoptedStyleSheets adds no node to the page's DOM.
import highlightCss from '@/components/page/highlight.css?inline';

let sheet: CSSStyleSheet | null = null;

export function adoptHighlightStyles(root: ShadowRoot): void {
  try {
    sheet ??= new CSSStyleSheet();
    // rules on every element of the shadow tree: `:root` (the document's rules in Chromium) matches nothing in it
    if (!sheet.cssRules.length) sheet.replaceSync(highlightCss.replaceAll(':root::highlight', '::highlight'));
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    // a page that froze adoptedStyleSheets keeps its look; matches still work for cards
  }
}

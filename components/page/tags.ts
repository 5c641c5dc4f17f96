// tags: the element names the page's text is read by, shared by the highlighter's walk (collect.ts) and the
// content script's first pass (entrypoints/first-pass/scout.ts), which must read text the same way or miss terms.

/** Inline elements: their text joins the text around them into one block string. */
export const INLINE_TAGS: ReadonlySet<string> = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'data', 'dfn', 'em', 'i', 'mark', 'q', 's', 'small', 'span', 'strong',
  'sub', 'sup', 'time', 'u', 'var', 'font', 'label', 'ins', 'del', 'nobr', 'big', 'tt', 'strike', 'acronym', 'wbr',
]);

/**
 * Standard elements that can hold a shadow root (the DOM Standard's "valid shadow host name"); custom elements
 * (any name with a hyphen) can too. Declarative shadow roots (<template shadowrootmode>) attach to the same.
 */
export const SHADOW_HOST_TAGS: ReadonlySet<string> = new Set(['article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'main', 'nav', 'p', 'section', 'span']);

/** Whether an element of this name can hold a shadow root. */
export const canHostShadow = (name: string): boolean => SHADOW_HOST_TAGS.has(name) || name.includes('-');

// The naive highlighter (bench only): the simplest peer of Legal Lens. At document_end it builds one regular
// expression of every alias (longest first; acronyms in their case, the rest in any case), runs it over each
// text node, and registers one StaticRange per match in one CSS.highlights entry, all in one task.
// The bench prepends `const ALIASES = [[alias, exact], …];` to this file.
/* global ALIASES */
(() => {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
  const root = document.body || document.documentElement;
  if (!root) return;
  const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = ALIASES.slice()
    .sort((a, b) => b[0].length - a[0].length)
    .map(([text, exact]) => (exact ? escape(text) : `(?i:${escape(text)})`))
    .join('|');
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${pattern})(?![\\p{L}\\p{N}])`, 'gu');
  const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'TITLE']);
  const highlight = new Highlight();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (SKIP.has(node.parentNode.nodeName)) continue;
    const text = node.data;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      highlight.add(new StaticRange({ startContainer: node, startOffset: m.index, endContainer: node, endOffset: m.index + m[0].length }));
    }
  }
  CSS.highlights.set('bench-naive', highlight);
})();

// mark.js as a page would run it (bench only): injected into the page's own world before it loads (mark.js
// changes the DOM, so no extension can run it apart from the page), it marks every alias at DOMContentLoaded
// with one regular expression, as the naive highlighter does, wrapping each match in a <mark> element.
// The bench prepends mark.js itself and `const ALIASES = [[alias, exact], …];`.
/* global ALIASES, Mark */
(() => {
  const run = () => {
    if (!document.body) return;
    const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = ALIASES.slice()
      .sort((a, b) => b[0].length - a[0].length)
      .map(([text, exact]) => (exact ? escape(text) : `(?i:${escape(text)})`))
      .join('|');
    const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${pattern})(?![\\p{L}\\p{N}])`, 'gu');
    new Mark(document.body).markRegExp(re, { exclude: ['noscript', 'textarea'] });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run, { once: true });
  else run();
})();

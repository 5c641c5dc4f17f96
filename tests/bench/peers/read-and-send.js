// The least a first pass that tests a page's words off the page can cost (bench only): at document_end it reads
// every text node of the frame, joins their text and sends it to the extension's background
// (peers/answer-nothing.js), which answers that it holds nothing. Nothing else: no watching for later text, no
// shadow roots, no settings. Legal Lens's first pass (entrypoints/content/scout.ts) does this and those.
(() => {
  const root = document.documentElement;
  if (!root) return;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const parts = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.data);
  chrome.runtime.sendMessage({ text: parts.join('\n') }).catch(() => {});
})();

// A document_start script like Legal Lens's input relay (utils/input-relay.ts), for the read-and-send floor (bench
// only): listens for the reader's pointer, clicks and keys on window, in the capture phase, before any script of
// the page can (issue 10, defect 5), and listens again when document.open() empties the document.
(() => {
  const heard = () => {};
  const listen = () => {
    for (const type of ['pointermove', 'pointerdown', 'pointerout', 'click', 'keydown']) {
      addEventListener(type, heard, { capture: true, passive: type === 'pointermove' || type === 'pointerout' });
    }
  };
  listen();
  new MutationObserver((records) => {
    for (const record of records) if (record.removedNodes.length > 0) return listen();
  }).observe(document, { childList: true });
})();

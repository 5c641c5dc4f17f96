// readable-frame: whether a frame can show the reader a word at all. Ad and tracking frames are mostly 1×1 or
// not rendered (display:none), and every one runs the first pass (issue 13.2: such a frame must cost next to
// nothing). So in a frame the first pass reads nothing until its root element is laid out at least a line of text
// tall and wide. The size comes from a ResizeObserver, which the browser answers after it lays the frame out (a
// frame not rendered is never laid out, and is read once its page shows it). Measured on the benchmark's page with
// 20 ad-like frames (7 loads, 2-core machine), the first pass's own CPU: 65.4 ms reading every frame, 47.2 ms with
// this wait. Reading the viewport's size instead (innerWidth) made the browser lay out the parent page there and
// then, mid-parse, even in an animation frame: 58.0 ms. The top frame is read at once: it is the tab's own page.

/**
 * The smallest size of a frame's root element, in CSS px each way, that can show a word a reader could read (the
 * smallest text browsers render readably is about 6 px; a 1×1 frame cannot).
 */
export const MIN_READABLE_PX = 8;

/**
 * Runs `start` once `win`'s document can show text: at once in the top frame, else once its root element is laid
 * out at least MIN_READABLE_PX each way (after the frame's first layout, or when its page shows or enlarges it).
 * Returns a function that stops waiting.
 */
export function whenReadable(win: Window & typeof globalThis, start: () => void): () => void {
  let root = win.document.documentElement;
  if (win === win.top || !root || typeof win.ResizeObserver !== 'function') {
    start();
    return () => {};
  }
  const observer = new win.ResizeObserver((entries: ResizeObserverEntry[]) => {
    // a frame its parent writes (an about:blank ad slot, document.open()) replaces the root element we observe:
    // taken out, it is reported at 0×0, and its successor is observed instead
    const current = win.document.documentElement;
    if (current !== root) {
      observer.disconnect();
      root = current;
      if (root) observer.observe(root);
      return;
    }
    const box = entries[entries.length - 1].contentRect;
    if (box.width < MIN_READABLE_PX || box.height < MIN_READABLE_PX) return;
    observer.disconnect();
    start();
  });
  observer.observe(root);
  return () => observer.disconnect();
}

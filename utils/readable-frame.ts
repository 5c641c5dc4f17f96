// readable-frame: whether a frame can show the reader a word now. Ad and tracking frames are mostly 1×1, not
// rendered (display:none), or laid out but hidden off screen (visibility:hidden at left:-9999px), and every frame
// runs our content scripts (issue 13.2: such a frame must cost next to nothing). So a frame below the top one gets
// no first pass (entrypoints/frame-start.ts) until its root element is laid out at least a line of text tall and
// wide, and then until it is within a viewport's distance of the reader's viewport.
// - The size comes from a ResizeObserver, which the browser answers after it lays the frame out (a frame not
//   rendered is never laid out, and is read once its page shows it). Measured on the benchmark's page with 20
//   ad-like frames (7 loads, 2-core machine), the first pass's own CPU: 65.4 ms reading every frame, 47.2 ms with
//   this wait. Reading the viewport's size instead (innerWidth) made the browser lay out the parent page there and
//   then, mid-parse, even in an animation frame: 58.0 ms.
// - The distance comes from an IntersectionObserver made only once the size is met (most ad frames never get
//   one), against the top-level viewport (a cross-origin frame cannot widen that by a margin: it is read once it
//   is in view).

/**
 * The smallest size of a frame's root element, in CSS px each way, that can show a word a reader could read (the
 * smallest text browsers render readably is about 6 px; a 1×1 frame cannot).
 */
export const MIN_READABLE_PX = 8;

/** How far outside the reader's viewport a frame is read ahead of being scrolled into it (a CSS rootMargin). */
export const READ_AHEAD_MARGIN = '100%';

/**
 * Runs `start` once `win`'s document can show text: once its root element is laid out at least MIN_READABLE_PX
 * each way (after the frame's first layout, or when its page shows or enlarges it) and, while it stays that size,
 * is within READ_AHEAD_MARGIN of the top-level viewport (at once, where the window has no IntersectionObserver);
 * at once when there is no root element or no ResizeObserver to tell. A root element the frame's page replaces
 * (document.open() in an about:blank frame) is waited on afresh. Returns a function that stops waiting.
 */
export function whenReadable(win: Window & typeof globalThis, start: () => void): () => void {
  let stopCurrent = () => {};
  const wait = (): void => {
    const root = win.document.documentElement;
    if (!root || typeof win.ResizeObserver !== 'function') return start();
    let seen: IntersectionObserver | null = null;
    const stop = () => {
      sized.disconnect();
      seen?.disconnect();
    };
    // the size stays observed while the frame waits to be seen: the only report that comes when the page replaces
    // the root element (taken out, it is reported at 0×0) or shrinks the frame again
    const sized = new win.ResizeObserver((entries: ResizeObserverEntry[]) => {
      if (win.document.documentElement !== root) {
        stop();
        return wait();
      }
      const box = entries[entries.length - 1].contentRect;
      const large = box.width >= MIN_READABLE_PX && box.height >= MIN_READABLE_PX;
      if (!large) {
        seen?.disconnect();
        seen = null;
      } else if (!seen) {
        if (typeof win.IntersectionObserver !== 'function') {
          stop();
          return start();
        }
        seen = new win.IntersectionObserver(
          (views: IntersectionObserverEntry[]) => {
            if (!views[views.length - 1].isIntersecting || win.document.documentElement !== root) return;
            stop();
            start();
          },
          { rootMargin: READ_AHEAD_MARGIN },
        );
        seen.observe(root);
      }
    });
    sized.observe(root);
    stopCurrent = stop;
  };
  wait();
  return () => stopCurrent();
}

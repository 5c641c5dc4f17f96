// Stand-ins for the two observers a frame's wait for readability uses (utils/readable-frame.ts), answered only
// when a test says so, as the browser answers them: the ResizeObserver after it lays the frame out (never while
// the frame is not rendered), the IntersectionObserver when the observed element comes within the observer's
// margin of the reader's viewport or leaves it.

/**
 * `ResizeObserver` and `IntersectionObserver` classes to stand in (on a fake window, or as globals), with
 * `layOut(width, height)` reporting a size to the ResizeObserver and `view(isIntersecting)` a view to the
 * IntersectionObserver, each to the latest one made and only while it observes something; `sized` and `seen` are
 * the elements observed now, `margins` the rootMargin each IntersectionObserver was made with.
 */
export function frameObservers() {
  const sized: Element[] = [];
  const seen: Element[] = [];
  const margins: (string | undefined)[] = [];
  let reportSize: ((entries: { contentRect: { width: number; height: number } }[]) => void) | null = null;
  let reportView: ((entries: { isIntersecting: boolean }[]) => void) | null = null;
  const ResizeObserver = class {
    constructor(callback: typeof reportSize) {
      reportSize = callback;
    }
    observe(el: Element) {
      sized.push(el);
    }
    disconnect() {
      sized.length = 0;
    }
  };
  const IntersectionObserver = class {
    constructor(callback: typeof reportView, options?: { rootMargin?: string }) {
      reportView = callback;
      margins.push(options?.rootMargin);
    }
    observe(el: Element) {
      seen.push(el);
    }
    disconnect() {
      seen.length = 0;
    }
  };
  const layOut = (width: number, height: number) => {
    if (sized.length) reportSize!([{ contentRect: { width, height } }]);
  };
  const view = (isIntersecting: boolean) => {
    if (seen.length) reportView!([{ isIntersecting }]);
  };
  return { ResizeObserver: ResizeObserver as unknown, IntersectionObserver: IntersectionObserver as unknown, layOut, view, sized, seen, margins };
}

// top-site: the address that decides "off on this site" for a frame: the tab's top-level page, so that a site's
// frames (about:blank and srcdoc frames, which have no address of their own, and frames from other sites) follow
// the site the reader is on (DESIGN.md, Settings).

/** What this needs of a window (a structural type, so tests can describe frames without a browser). */
export interface FrameWindow {
  top: { location: { href: string } } | null;
  location: { href: string; ancestorOrigins?: { length: number; [index: number]: string } };
}

/**
 * The URL of the tab's top-level page as far as this frame can know it: the top page's address when it is
 * readable (the top frame itself, or frames of the same origin all the way up); else the top page's origin, from
 * `location.ancestorOrigins` (its last entry); else this frame's own address.
 */
export function topLevelUrl(win: FrameWindow): string {
  const own = win.location.href;
  if (win.top === (win as unknown)) return own;
  try {
    const href = win.top?.location.href;
    if (href) return href;
  } catch {
    // a frame of another origin than the top page: its address is not ours to read
  }
  const ancestors = win.location.ancestorOrigins;
  if (ancestors && ancestors.length > 0) {
    const origin = ancestors[ancestors.length - 1];
    if (origin && origin !== 'null') return origin;
  }
  return own;
}

// What a person sees of the popup at its real size, measured inside the page (popup-tab.ts runs it in Chromium
// and Firefox): which elements scroll, whether the links and the disclaimer are in view,
// whether a row is cut where the scrolling region ends, and whether every row can be brought into view whole.
// `popupLayout` runs in the page: it must not use anything from this module's scope.

export interface PopupLayout {
  viewport: { width: number; height: number };
  /** height of the popup's own box: what Chrome and Firefox size the popup window to */
  popupHeight: number;
  /** the document scrolls (it must not: the region inside does) */
  documentScrolls: boolean;
  /** every element that scrolls vertically, as tag.class */
  scrollers: string[];
  /** footer links and disclaimer not wholly inside the viewport without scrolling */
  outOfView: string[];
  /** rows cut by the scrolling region's bottom edge at rest */
  cutRows: string[];
  /** rows that cannot be brought into view whole by scrolling the region */
  unreachable: string[];
  /** how many rows were checked */
  rows: number;
}

/** Measures the popup now; scrolls its region to check every row, and scrolls it back. */
export function popupLayout(rowSelector: string): PopupLayout {
  const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).trim().split(/\s+/).join('.')}` : ''}: ${(el.textContent ?? '').trim().slice(0, 40)}`;
  const scrolls = (el: Element) => {
    const style = getComputedStyle(el);
    return /(auto|scroll)/.test(style.overflowY) && el.scrollHeight > el.clientHeight + 1;
  };
  const scrollers = [...document.querySelectorAll('body *')].filter(scrolls);
  const region = document.querySelector<HTMLElement>('.popup-main')!;
  const inside = (r: DOMRect, box: { top: number; bottom: number }) => r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5;
  const viewportBox = { top: 0, bottom: innerHeight };
  const outOfView = [...document.querySelectorAll('.popup-footer a, .popup-footer .disclaimer-note')]
    .filter((el) => !inside(el.getBoundingClientRect(), viewportBox))
    .map(describe);
  region.scrollTop = 0;
  const regionBox = region.getBoundingClientRect();
  const rows = [...region.querySelectorAll(rowSelector)].filter((el) => el.getClientRects().length > 0);
  const cutRows = rows
    .filter((el) => {
      const r = el.getBoundingClientRect();
      return r.top < regionBox.bottom - 0.5 && r.bottom > regionBox.bottom + 0.5;
    })
    .map(describe);
  const unreachable = rows
    .filter((el) => {
      el.scrollIntoView({ block: 'nearest' });
      const ok = inside(el.getBoundingClientRect(), region.getBoundingClientRect()) && inside(el.getBoundingClientRect(), viewportBox);
      return !ok;
    })
    .map(describe);
  region.scrollTop = 0;
  return {
    viewport: { width: innerWidth, height: innerHeight },
    popupHeight: document.querySelector('.popup')!.getBoundingClientRect().height,
    documentScrolls: document.documentElement.scrollHeight > innerHeight + 1,
    scrollers: scrollers.map((el) => `${el.tagName.toLowerCase()}.${String(el.className).trim().split(/\s+/).join('.')}`),
    outOfView,
    cutRows,
    unreachable,
    rows: rows.length,
  };
}

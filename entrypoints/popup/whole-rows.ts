// whole-rows: the popup's one scrolling region ends at a row's edge, never through a row. The layout gives the
// region whatever height is left between the header and the footer (the popup is at most 600 px tall); when its
// content is taller, its height is cut back to the bottom of the last row that fits whole.

/** What counts as a row: nothing of these is ever shown cut in half at the region's bottom edge. */
export const ROWS = 'h2, .note, .search-result, .search-status, .search-elsewhere, .page-terms li, .switch-row';

/**
 * Sets `region`'s max-height to the bottom of the last `rows` element that fits in the height the layout gives
 * it, or clears it when everything fits. Call after every render and resize.
 */
export function fitWholeRows(region: HTMLElement, rows = ROWS): void {
  region.style.maxHeight = '';
  const height = region.clientHeight;
  if (region.scrollHeight <= height) return;
  const top = region.getBoundingClientRect().top - region.scrollTop;
  let fit = 0;
  for (const row of region.querySelectorAll(rows)) {
    const bottom = row.getBoundingClientRect().bottom - top;
    if (bottom <= height + 0.5 && bottom > fit) fit = bottom;
  }
  // exact, not rounded up: a whole pixel more shows a sliver of the next row where rows fall between pixels
  if (fit > 0) region.style.maxHeight = `${fit}px`;
}

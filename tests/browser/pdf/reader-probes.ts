// Functions that run inside the reader page (passed to page.evaluate by Playwright in Chromium and by Puppeteer in
// Firefox, so each is self-contained and takes one argument). They read the reader as a user sees it: the
// marked terms' texts, where a term is on screen, the open card, the message shown. No inner named functions:
// tsx's compiler wraps those in a __name() helper that the page does not have.

/**
 * The text of every marked term in the drawn pages, as a reader reads it: the text-layer spans of one line run
 * together, and a line break (a <br> between spans) reads as a space.
 */
export function markedTexts(): string[] {
  const out: string[] = [];
  for (const r of CSS.highlights.get('legal-lens-underline') ?? []) {
    const live = document.createRange();
    live.setStart((r as AbstractRange).startContainer, (r as AbstractRange).startOffset);
    live.setEnd((r as AbstractRange).endContainer, (r as AbstractRange).endOffset);
    let text = '';
    const walker = document.createTreeWalker(live.commonAncestorContainer, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let n: Node | null = walker.currentNode; n; n = walker.nextNode()) {
      if (!live.intersectsNode(n)) continue;
      if (n.nodeName === 'BR') text += ' ';
      else if (n.nodeType === Node.TEXT_NODE) text += (n as Text).data.slice(n === live.startContainer ? live.startOffset : 0, n === live.endContainer ? live.endOffset : (n as Text).length);
    }
    out.push(text.replace(/\s+/g, ' '));
  }
  return out;
}

/**
 * Scrolls the marked term whose text is `arg.text` (its `arg.nth` occurrence, its `arg.rect`-th line box) into
 * view and returns the middle of that line box, in viewport pixels; null when no such term is marked.
 */
export function termPoint(arg: { text: string; nth?: number; rect?: number }): { x: number; y: number } | null {
  // (no inner functions: the test runner's compiler would wrap them in a helper the page does not have)
  const found: Range[] = [];
  for (const r of CSS.highlights.get('legal-lens-underline') ?? []) {
    const live = document.createRange();
    live.setStart((r as AbstractRange).startContainer, (r as AbstractRange).startOffset);
    live.setEnd((r as AbstractRange).endContainer, (r as AbstractRange).endOffset);
    let text = '';
    const walker = document.createTreeWalker(live.commonAncestorContainer, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let n: Node | null = walker.currentNode; n; n = walker.nextNode()) {
      if (!live.intersectsNode(n)) continue;
      if (n.nodeName === 'BR') text += ' ';
      else if (n.nodeType === Node.TEXT_NODE) text += (n as Text).data.slice(n === live.startContainer ? live.startOffset : 0, n === live.endContainer ? live.endOffset : (n as Text).length);
    }
    if (text.replace(/\s+/g, ' ') === arg.text) found.push(live);
  }
  found.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
  const range = found[arg.nth ?? 0];
  if (!range) return null;
  const first = range.startContainer.parentElement!;
  if (first.getBoundingClientRect().top < 80 || first.getBoundingClientRect().bottom > innerHeight - 40) first.scrollIntoView({ block: 'center' });
  const rects = [...range.getClientRects()].filter((b) => b.width > 0);
  const box = rects[Math.min(arg.rect ?? 0, rects.length - 1)];
  return { x: box.left + Math.min(box.width / 2, 12), y: box.top + box.height / 2 };
}

/** The open card: its role, its heading's text, and whether its aria-labelledby names the heading. */
export function openCard(): { role: string | null; heading: string; labelled: boolean } | null {
  const card = document.querySelector('legal-lens-ui')?.shadowRoot?.querySelector<HTMLElement>('.card');
  if (!card) return null;
  const heading = card.querySelector('h2');
  return { role: card.getAttribute('role'), heading: heading?.textContent ?? '', labelled: !!heading && card.getAttribute('aria-labelledby') === heading.id };
}

/** The message the reader shows about a problem, and which problem it is. */
export function problem(): { kind: string | null; text: string } | null {
  const el = document.querySelector('.problem');
  return el ? { kind: el.getAttribute('data-problem'), text: el.textContent ?? '' } : null;
}

/** The "On this document" list, as "Title (count text)" lines, and the notices beside it. */
export function documentList(): { terms: string[]; notices: string[]; status: string } {
  const aside = document.querySelector('.reader-aside');
  return {
    terms: [...(aside?.querySelectorAll('.term-button') ?? [])].map((b) => `${b.querySelector('.term-title')?.textContent} (${b.querySelector('.count')?.textContent})`),
    notices: [...(aside?.querySelectorAll('.notice') ?? [])].map((n) => n.textContent ?? ''),
    status: aside?.querySelector('[role="status"]')?.textContent ?? '',
  };
}

/** Numbers of the pages whose text layer is drawn now. */
export function drawnPages(): number[] {
  return [...document.querySelectorAll('.page .textLayer')].map((l) => Number((l.parentElement as HTMLElement).dataset.pageNumber));
}

/** True once every page's text has been read (the reading status is gone). */
export function readingDone(): boolean {
  const aside = document.querySelector('.reader-aside');
  return !!aside && !/Looking for terms: page/.test(aside.textContent ?? '');
}

/** Drops a file made of `arg.bytes` on the page, as dragging it from the desktop does. */
export function dropFile(arg: { bytes: number[]; name: string }): void {
  const file = new File([new Uint8Array(arg.bytes)], arg.name, { type: 'application/pdf' });
  const data = new DataTransfer();
  data.items.add(file);
  const target = document.querySelector('.reader-main')!;
  target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
  target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
}

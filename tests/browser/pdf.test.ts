// The PDF reader in real Chromium with the built extension: PDFs generated at test time (tests/pdf/documents.ts)
// and served from 127.0.0.1. Terms in the text layer are marked and open the same card as on web pages (mouse,
// touch, keyboard, role="dialog"); every kind of bad input gets a plain message; a 500-page PDF shows its first
// page within 2 s and reads the rest one page per task; the reader opens from a local file (picker and drop);
// and no request leaves the machine. The popup's "Explain this PDF" on a served PDF is tested end to end in
// Firefox (pdf-firefox.test.ts): headless Chromium neither shows PDFs nor lets a popup opened as a tab read the
// active tab's address (that takes activeTab, granted only by a click on the toolbar button).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page, Request } from 'playwright-core';
import { launchWithExtension, saveScreenshot, type ExtensionBrowser } from './harness';
import { startPdfServer, type PdfServer } from './pdf/pdf-server';
import * as probe from './pdf/reader-probes';
import { PASSWORD } from '../pdf/documents';

let browser: ExtensionBrowser;
let server: PdfServer;
const offMachine: string[] = [];

before(async () => {
  server = await startPdfServer({ viewerStandIn: true });
  browser = await launchWithExtension();
  const check = (request: Request) => {
    const url = new URL(request.url());
    const local = url.protocol === 'chrome-extension:' || url.protocol === 'blob:' || url.protocol === 'data:' || url.host === new URL(server.origin).host;
    if (!local) offMachine.push(request.url());
  };
  browser.context.on('request', check);
});
after(async () => {
  await browser?.close();
  server?.close();
});

async function openReader(name: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl(`pdf.html?url=${encodeURIComponent(server.url(name))}`));
  return page;
}

async function waitForMarks(page: Page, min: number): Promise<string[]> {
  await page.waitForFunction((n) => (CSS.highlights.get('legal-lens-underline')?.size ?? 0) >= n, min, { timeout: 15000 });
  return page.evaluate(probe.markedTexts);
}

/** Hovers the marked term `text` and waits for its card; returns the card's heading. */
async function hoverTerm(page: Page, text: string, options: { nth?: number; rect?: number } = {}): Promise<string> {
  const point = await page.evaluate(probe.termPoint, { text, ...options });
  assert.ok(point, `"${text}" is marked`);
  await page.mouse.move(point.x, point.y, { steps: 4 });
  await page.waitForFunction(() => !!document.querySelector('legal-lens-ui')?.shadowRoot?.querySelector('.card'), undefined, { timeout: 5000 });
  const card = await page.evaluate(probe.openCard);
  assert.equal(card?.role, 'dialog');
  assert.ok(card?.labelled, 'the dialog is labelled by its heading');
  return card!.heading;
}

async function moveAway(page: Page): Promise<void> {
  await page.mouse.move(5, 790, { steps: 2 });
  await page.waitForFunction(() => !document.querySelector('legal-lens-ui')?.shadowRoot?.querySelector('.card'), undefined, { timeout: 5000 });
}

describe('PDF reader (Chromium)', () => {
  it('marks terms in the text layer, across lines and across a page break, and lists them "On this document"', async () => {
    const page = await openReader('opinion');
    await page.waitForFunction(() => document.querySelectorAll('.page .textLayer').length >= 2);
    const marked = await waitForMarks(page, 12);
    for (const term of ['petition for a writ of mandamus', 'racial profiling', '287(g) agreement', 'ICE', 'Fourth Amendment', 'Immigration and Nationality Act', 'habeas corpus', 'writ of', 'mandamus']) {
      assert.ok(marked.includes(term), `${term} in ${JSON.stringify(marked)}`);
    }
    await page.waitForFunction(probe.readingDone);
    const list = await page.evaluate(probe.documentList);
    // once on two lines of page 1, once over the break from page 1 to page 2, once on page 3
    assert.ok(list.terms.includes('Writ of mandamus (found 3 times)'), JSON.stringify(list.terms));
    assert.ok(list.terms.includes('Racial profiling (found once)'));
    await saveScreenshot(page, 'pdf-opinion');
    await page.close();
  });

  it('opens the same hover card on terms in the text layer, on either line of a term that wraps and on both pieces over a page break', async () => {
    const page = await openReader('opinion');
    await waitForMarks(page, 12);
    assert.equal(await hoverTerm(page, 'petition for a writ of mandamus', { rect: 1 }), 'Writ of mandamus'); // "mandamus", on the next line
    await moveAway(page);
    assert.equal(await hoverTerm(page, 'racial profiling', { rect: 1 }), 'Racial profiling'); // the word on the second line
    await moveAway(page);
    assert.equal(await hoverTerm(page, 'ICE'), 'ICE (U.S. Immigration and Customs Enforcement)');
    await moveAway(page);
    assert.equal(await hoverTerm(page, 'writ of'), 'Writ of mandamus'); // foot of page 1
    await moveAway(page);
    assert.equal(await hoverTerm(page, 'mandamus'), 'Writ of mandamus'); // top of page 2
    await saveScreenshot(page, 'pdf-card-open');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('legal-lens-ui')?.shadowRoot?.querySelector('.card'));
    await page.close();
  });

  it('keyboard: a term in "On this document" opens its card with focus in it; Alt+↓ moves on; Escape gives focus back', async () => {
    const page = await openReader('opinion');
    await waitForMarks(page, 12);
    await page.waitForFunction(probe.readingDone);
    const button = page.locator('.term-button', { hasText: 'Racial profiling' });
    await button.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('legal-lens-ui')?.shadowRoot?.activeElement?.classList.contains('card'));
    assert.equal((await page.evaluate(probe.openCard))?.heading, 'Racial profiling');
    await page.keyboard.press('Alt+ArrowDown');
    await page.waitForFunction(() => document.querySelector('legal-lens-ui')?.shadowRoot?.querySelector('h2')?.textContent !== 'Racial profiling');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('legal-lens-ui')?.shadowRoot?.querySelector('.card'));
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Racial profilingfound once');
    await page.close();
  });

  it('a Spanish document (no declared language) gets Spanish cards', async () => {
    const page = await openReader('spanish');
    const marked = await waitForMarks(page, 3);
    assert.ok(marked.includes('perfil racial') && marked.includes('solicitud de retención de ICE'), JSON.stringify(marked));
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
    assert.equal(await hoverTerm(page, 'perfil racial'), 'Perfil racial');
    await page.close();
  });

  it('a two-column page reads each column in order, terms wrapping inside a column', async () => {
    const page = await openReader('two-column');
    const marked = await waitForMarks(page, 4);
    for (const term of ['racial profiling', '287(g) agreement', 'writ of mandamus', 'Immigration and Nationality Act']) assert.ok(marked.includes(term), `${term} in ${JSON.stringify(marked)}`);
    assert.equal(await hoverTerm(page, 'Immigration and Nationality Act', { rect: 1 }), 'Immigration and Nationality Act (INA)');
    await page.close();
  });

  it('a scanned page with no text says that terms cannot be found in images', async () => {
    const page = await openReader('scanned');
    await page.waitForFunction(() => document.querySelector('.reader-aside .notice'));
    const list = await page.evaluate(probe.documentList);
    assert.match(list.notices.join(' '), /cannot find terms in images/);
    assert.deepEqual(list.terms, []);
    await page.close();
  });

  it('a password-protected PDF asks for the password, says when it is wrong, and opens with the right one', async () => {
    const page = await openReader('encrypted');
    await page.getByLabel('Password').waitFor();
    assert.equal((await page.evaluate(probe.problem))?.text, 'This PDF is protected with a password.');
    await page.getByLabel('Password').fill('wrong');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /did not open it/.test(document.querySelector('.problem')?.textContent ?? ''));
    await page.getByLabel('Password').fill(PASSWORD);
    await page.keyboard.press('Enter');
    const marked = await waitForMarks(page, 1);
    assert.ok(marked.includes('racial profiling'), JSON.stringify(marked));
    await page.close();
  });

  for (const [name, kind, words] of [
    ['corrupt', 'damaged', /damaged or incomplete/],
    ['truncated', 'damaged', /damaged or incomplete/],
    ['not-a-pdf', 'not-pdf', /not a PDF/],
  ] as const) {
    it(`a ${name} file gets a plain message, not a hang`, async () => {
      const page = await openReader(name);
      await page.waitForFunction(() => document.querySelector('.problem'), undefined, { timeout: 10000 });
      const shown = await page.evaluate(probe.problem);
      assert.equal(shown?.kind, kind);
      assert.match(shown!.text, words);
      assert.ok(await page.getByRole('button', { name: 'Open another file…' }).isVisible());
      await page.close();
    });
  }

  it('an address that is not a web PDF says how to open a local file instead', async () => {
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl(`pdf.html?url=${encodeURIComponent('file:///home/ana/notice.pdf')}`));
    await page.waitForFunction(() => document.querySelector('.problem'));
    assert.match((await page.evaluate(probe.problem))!.text, /Open a PDF file/);
    await page.close();
  });

  it('a 500-page PDF: first page within 2 s, pages drawn on demand, terms read in slices without long tasks', async () => {
    const page = await browser.context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(browser.extensionUrl(`pdf.html?url=${encodeURIComponent(server.url('long'))}`));
    // time since the reader page started loading, measured in the page
    const firstPageMs = await (await page.waitForFunction(() => document.querySelector('.page[data-page-number="1"] .textLayer span') && performance.now(), undefined, { polling: 'raf' })).jsonValue();
    console.log(`# 500-page PDF: first page drawn ${Math.round(firstPageMs as number)} ms after the reader started loading`);
    assert.ok((firstPageMs as number) < 2000, `first page after ${firstPageMs} ms`);
    await page.waitForFunction(probe.readingDone, undefined, { timeout: 60000 });
    const { longest, pages, read } = await page.evaluate((from) => {
      const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
      const after = w.__longTasks.filter((t) => t.start > from);
      const mark = performance.getEntriesByName('legal-lens:pdf-read')[0] as PerformanceMark | undefined;
      return { longest: Math.max(0, ...after.map((t) => t.duration)), pages: document.querySelectorAll('.page').length, read: mark?.detail as { pages: number; longestPageMs: number } };
    }, firstPageMs as number);
    // one page's text is matched and marked in one task of its own: that is the work this checks. The longest
    // task of the page as a whole is printed, not asserted: on a busy 2-core machine it is the browser's own
    // frames and garbage collection (seen in traces), not the reading.
    console.log(`# 500-page PDF: longest page read ${read.longestPageMs.toFixed(1)} ms; longest task of the page while reading ${Math.round(longest)} ms`);
    assert.equal(pages, 500);
    assert.equal(read.pages, 500);
    assert.ok(read.longestPageMs <= 50, `reading one page took ${read.longestPageMs} ms`);
    const list = await page.evaluate(probe.documentList);
    assert.ok(list.terms.includes('Writ of mandamus (found 500 times)'), JSON.stringify(list.terms));
    // jump to page 400: drawn on demand and marked; far pages are dropped again
    await page.getByRole('spinbutton', { name: 'Page' }).fill('400');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('.page[data-page-number="400"] .textLayer span'));
    assert.ok((await page.evaluate(probe.markedTexts)).includes('writ of mandamus'));
    const drawn = await page.evaluate(probe.drawnPages);
    assert.ok(drawn.includes(400) && drawn.length <= 10, JSON.stringify(drawn));
    assert.equal(await hoverTerm(page, 'racial profiling'), 'Racial profiling');
    await page.close();
  });

  it('find in document (over line breaks, not over page breaks), zoom and page navigation', async () => {
    const page = await openReader('opinion');
    await waitForMarks(page, 12);
    await page.waitForFunction(probe.readingDone);
    await page.keyboard.press('Control+f'); // the reader's find, not the browser's (which sees only drawn pages)
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Find in document');
    await page.keyboard.type('writ of mandamus');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('.find-count')?.textContent === '1 of 2');
    assert.equal(await page.evaluate(() => CSS.highlights.get('legal-lens-find-current')?.size), 1);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('.find-count')?.textContent === '2 of 2');
    await page.getByRole('searchbox', { name: 'Find in document' }).fill('nondiscretionary');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('.find-count')?.textContent === '1 of 1');
    // zoom: pages grow, the text layer is drawn again and still marked
    const width = await page.evaluate(() => (document.querySelector('.page') as HTMLElement).offsetWidth);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.waitForFunction(() => document.querySelector('.zoom-level')?.textContent === '110%');
    await page.waitForFunction((w) => (document.querySelector('.page') as HTMLElement).offsetWidth > w, width);
    await waitForMarks(page, 5);
    // page navigation: a page number, then the previous-page button
    await page.getByRole('spinbutton', { name: 'Page' }).fill('3');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('.page[data-page-number="3"] .textLayer span') && (document.querySelector('.page-field input') as HTMLInputElement).value === '3');
    await page.getByRole('button', { name: 'Previous page' }).click();
    await page.waitForFunction(() => (document.querySelector('.page-field input') as HTMLInputElement).value === '2');
    const links = await page.evaluate(() => [...document.querySelectorAll('.reader-toolbar a')].map((a) => [a.textContent, (a as HTMLAnchorElement).href.split(':')[0]]));
    assert.deepEqual(links, [['Download', 'blob'], ['Open original', 'http']]);
    await page.close();
  });

  it('opens a local file from the file picker and from a drop, without sending it anywhere', async () => {
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('pdf.html'));
    // one "Open a PDF file…" (the start panel's), and it opens the browser's file chooser
    const openFile = page.getByRole('button', { name: 'Open a PDF file…' });
    await openFile.first().waitFor();
    assert.equal(await openFile.count(), 1);
    const before = server.requests.length;
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), openFile.click()]);
    await chooser.setFiles({ name: 'two-column.pdf', mimeType: 'application/pdf', buffer: Buffer.from(server.bytes('two-column')) });
    await waitForMarks(page, 4);
    assert.equal(await page.locator('.reader-title').textContent(), 'two-column.pdf');
    await page.evaluate(probe.dropFile, { bytes: [...server.bytes('spanish')], name: 'guia.pdf' });
    await page.waitForFunction(() => document.querySelector('.reader-title')?.textContent === 'guia.pdf');
    const marked = await waitForMarks(page, 3);
    assert.ok(marked.includes('perfil racial'));
    assert.equal(server.requests.length, before, 'a local file is never fetched from anywhere');
    await page.close();
  });

  it('made no request that leaves the machine, and no errors', () => {
    assert.deepEqual(offMachine, []);
    assert.deepEqual(browser.errors.filter((e) => !/Warning: Indexing all PDF objects/.test(e)), []);
  });
});

describe('PDF reader with touch (Chromium)', () => {
  let touch: ExtensionBrowser;
  before(async () => {
    touch = await launchWithExtension({ hasTouch: true, viewport: { width: 390, height: 800 } });
  });
  after(async () => touch?.close());

  it('a tap on a term in the text layer opens its card; a tap elsewhere closes it', async () => {
    const page = await touch.context.newPage();
    await page.goto(touch.extensionUrl(`pdf.html?url=${encodeURIComponent(server.url('opinion'))}`));
    await page.waitForFunction(() => (CSS.highlights.get('legal-lens-underline')?.size ?? 0) >= 8, undefined, { timeout: 15000 });
    const point = await page.evaluate(probe.termPoint, { text: 'ICE' });
    assert.ok(point);
    await page.touchscreen.tap(point.x, point.y);
    await page.waitForFunction(() => !!document.querySelector('legal-lens-ui')?.shadowRoot?.querySelector('.card'), undefined, { timeout: 5000 });
    assert.equal((await page.evaluate(probe.openCard))?.heading, 'ICE (U.S. Immigration and Customs Enforcement)');
    await saveScreenshot(page, 'pdf-card-touch');
    // a spot on the page clear of the card (on a phone the card is nearly as wide as the page): below it, else above
    const empty = await page.evaluate(() => {
      const r = document.querySelector('.page[data-page-number="1"]')!.getBoundingClientRect();
      const c = document.querySelector('legal-lens-ui')!.shadowRoot!.querySelector('.card')!.getBoundingClientRect();
      const below = Math.min(r.bottom, innerHeight) - 10;
      return { x: r.left + r.width / 2, y: below > c.bottom + 10 ? below : Math.max(r.top, 0) + 10 };
    });
    assert.equal(await page.evaluate((p) => document.elementFromPoint(p.x, p.y)?.closest('.page') !== null, empty), true, 'the spot is on the page, not the card');
    await page.touchscreen.tap(empty.x, empty.y);
    await page.waitForFunction(() => !document.querySelector('legal-lens-ui')?.shadowRoot?.querySelector('.card'), undefined, { timeout: 5000 });
    await page.close();
  });
});

// The PDF reader in real Firefox ESR (headless, over WebDriver BiDi with puppeteer-core), with the Firefox build:
// the reader opens a PDF from a site without asking (the host access granted at install for the card UI covers its
// download; asking for a site is shown in tests/dom/pdf-reader-access.test.tsx); terms in the text layer open the
// hover card (role="dialog"); the popup's "Explain this PDF" on a served PDF shown in Firefox's own PDF viewer
// opens the reader; a local file opens from the file picker; a password, a damaged file and a scanned page get
// their messages; and no request leaves the machine.
//
// Firefox is set up as a test profile: the extension gets a fixed internal UUID so its pages have a known address, and every request not to 127.0.0.1 goes to a recording proxy that answers
// nothing, so a request that would leave the machine is seen (the browser's own services — parked by puppeteer at
// dummy.test, and Mozilla's remote settings — are left out).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ROOT } from './harness';
import { findFirefox } from './driver/firefox';
import { startPdfServer, type PdfServer } from './pdf/pdf-server';
import * as probe from './pdf/reader-probes';
import { PASSWORD } from '../pdf/documents';

const FIREFOX_BUILD = join(ROOT, '.output/firefox-mv2');
const ADDON_ID = 'legal-lens@legal-lens.org';
const UUID = '6f1d2c1e-5b0a-4c7e-9a51-7e0c2a9d4b10';
const extensionUrl = (path: string) => `moz-extension://${UUID}/${path}`;

/** A proxy that records every request sent to it (plain or CONNECT) and forwards none. */
async function startRecordingProxy(): Promise<{ server: Server; port: number; seen: string[] }> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.writeHead(502).end();
  });
  server.on('connect', (req, socket) => {
    seen.push(`CONNECT ${req.url}`);
    socket.destroy();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, port: (server.address() as AddressInfo).port, seen };
}

describe('PDF reader (Firefox)', () => {
  let browser: Browser;
  let server: PdfServer;
  let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;
  const errors: string[] = [];
  const files = mkdtempSync(join(tmpdir(), 'legal-lens-pdfs-'));

  before(async () => {
    server = await startPdfServer();
    proxy = await startRecordingProxy();
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: findFirefox(),
      headless: true,
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.no_proxies_on': '127.0.0.1',
        'network.proxy.allow_hijacking_localhost': false,
      },
    });
    await browser.installExtension(FIREFOX_BUILD);
  });
  after(async () => {
    await browser?.close();
    server?.close();
    proxy?.server.close();
    rmSync(files, { recursive: true, force: true });
  });

  /**
   * The open tab whose document is at an address starting with `prefix`. Asked of each page's own document:
   * over WebDriver BiDi a tab that moved to a moz-extension: address still reports about:blank as its URL.
   */
  async function tabAt(prefix: string, timeout = 10000): Promise<Page> {
    const deadline = Date.now() + timeout;
    while (Date.now() < deadline) {
      for (const page of await browser.pages()) {
        const href = await Promise.race([page.evaluate(() => location.href).catch(() => ''), new Promise<string>((r) => setTimeout(() => r(''), 1000))]);
        if (href.startsWith(prefix)) return page;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no tab at ${prefix} within ${timeout} ms`);
  }

  /**
   * Opens an extension page in a new tab. WebDriver BiDi does not navigate a tab to a moz-extension: address, so
   * the way in is the one a reader takes: a term's card on a web page, its "Read the full explainer" link (the
   * background opens the explainer in a tab), and from that extension page a link of its own origin.
   */
  let extensionTab: Page | null = null;
  let opened = 0;
  async function openExtensionPage(path: string): Promise<Page> {
    if (!extensionTab || extensionTab.isClosed()) {
      const article = await newPage();
      await article.goto(`${server.origin}/article.html`);
      await article.waitForFunction(() => (CSS.highlights.get('legal-lens-underline')?.size ?? 0) >= 1, { timeout: 15000 });
      const point = await article.evaluate(() => {
        const r = [...CSS.highlights.get('legal-lens-underline')!][0] as AbstractRange;
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        const b = live.getClientRects()[0];
        return { x: b.left + 4, y: b.top + b.height / 2 };
      });
      await article.mouse.move(point.x, point.y, { steps: 3 });
      await article.waitForFunction(() => document.querySelector('legal-lens-ui')?.shadowRoot?.querySelector('.card a[href*="explainer.html"]'), { timeout: 5000 });
      await article.evaluate(() => (document.querySelector('legal-lens-ui')!.shadowRoot!.querySelector('.card a[href*="explainer.html"]') as HTMLElement).click());
      extensionTab = await tabAt(extensionUrl('explainer.html'));
      await article.close();
    }
    // a fresh marker in the address tells this tab apart from earlier ones at the same page
    const marker = `ll-test=${++opened}`;
    const url = extensionUrl(path.includes('?') ? path.replace('?', `?${marker}&`) : `${path}?${marker}`);
    await extensionTab.evaluate((href) => (globalThis as unknown as { browser: { tabs: { create(p: object): Promise<unknown> } } }).browser.tabs.create({ url: href }), url);
    const page = await tabAt(url);
    watch(page);
    await page.waitForFunction(() => document.readyState === 'complete' && document.querySelector('#app *'), { timeout: 10000 });
    return page;
  }

  function watch(page: Page): void {
    page.on('console', (m) => m.type() === 'error' && errors.push(`${page.url()}: ${m.text()}`));
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${String(e)}`));
  }

  async function newPage(): Promise<Page> {
    const page = await browser.newPage();
    watch(page);
    return page;
  }

  /** The reader on a served PDF. */
  async function openReader(name: string): Promise<Page> {
    const page = await openExtensionPage(`pdf.html?url=${encodeURIComponent(server.url(name))}`);
    await page.waitForFunction(() => document.querySelector('.problem, .textLayer, .reader-aside'), { timeout: 10000 });
    return page;
  }

  const waitForMarks = async (page: Page, min: number) => {
    await page.waitForFunction((n) => (CSS.highlights.get('legal-lens-underline')?.size ?? 0) >= n, { timeout: 20000 }, min);
    return page.evaluate(probe.markedTexts);
  };

  async function hoverTerm(page: Page, text: string, rect = 0): Promise<string> {
    const point = await page.evaluate(probe.termPoint, { text, rect });
    assert.ok(point, `"${text}" is marked`);
    await page.mouse.move(point.x, point.y, { steps: 4 });
    await page.waitForFunction(() => !!document.querySelector('legal-lens-ui')?.shadowRoot?.querySelector('.card'), { timeout: 5000 });
    const card = await page.evaluate(probe.openCard);
    assert.equal(card?.role, 'dialog');
    assert.ok(card?.labelled);
    return card!.heading;
  }

  it('opens a PDF from a site without asking (the access granted at install covers it); terms in the text layer open the card', async () => {
    const page = await openReader('opinion');
    assert.equal(await page.evaluate(probe.problem), null);
    const marked = await waitForMarks(page, 12);
    for (const term of ['petition for a writ of mandamus', 'racial profiling', 'ICE', 'writ of', 'mandamus']) assert.ok(marked.includes(term), `${term} in ${JSON.stringify(marked)}`);
    assert.equal(await hoverTerm(page, 'racial profiling', 1), 'Racial profiling');
    await page.mouse.move(5, 590, { steps: 2 });
    await page.waitForFunction(() => !document.querySelector('legal-lens-ui')?.shadowRoot?.querySelector('.card'), { timeout: 5000 });
    assert.equal(await hoverTerm(page, 'ICE'), 'ICE (U.S. Immigration and Customs Enforcement)');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('legal-lens-ui')?.shadowRoot?.querySelector('.card'), { timeout: 5000 });
    await page.close();
  });

  it('opens from the popup on a served PDF shown in Firefox\'s own PDF viewer ("Explain this PDF")', async () => {
    const tab = await newPage();
    await tab.goto(server.url('opinion'));
    await tab.waitForFunction(() => document.querySelector('#viewer .page') || document.contentType === 'application/pdf', { timeout: 15000 });
    const popup = await openExtensionPage('popup.html');
    await tab.bringToFront();
    await popup.evaluate(() => location.reload()); // runs again in the background tab, so the PDF is "the active tab"
    const button = await popup.waitForSelector('::-p-text(Explain this PDF)', { timeout: 10000 });
    await button!.click();
    const reader = await tabAt(extensionUrl(`pdf.html?url=`));
    assert.equal(new URL(await reader.evaluate(() => location.href)).searchParams.get('url'), server.url('opinion'));
    assert.ok((await waitForMarks(reader, 12)).includes('petition for a writ of mandamus'));
    await reader.close();
    if (!popup.isClosed()) await popup.close();
    await tab.close();
  });

  it('opens a local file from the file picker; a Spanish document gets Spanish cards', async () => {
    const page = await openExtensionPage('pdf.html');
    const path = join(files, 'guia.pdf');
    writeFileSync(path, server.bytes('spanish'));
    const before = server.requests.length;
    const input = await page.waitForSelector('input[type="file"]');
    await input!.uploadFile(path);
    const marked = await waitForMarks(page, 3);
    assert.ok(marked.includes('perfil racial'), JSON.stringify(marked));
    assert.equal(await hoverTerm(page, 'perfil racial'), 'Perfil racial');
    assert.equal(server.requests.length, before, 'a local file is never fetched from anywhere');
    await page.close();
  });

  it('asks for a password, and says plainly when a file is damaged or a page is only an image', async () => {
    const page = await openReader('encrypted');
    const field = await page.waitForSelector('input[type="password"]', { timeout: 10000 });
    await field!.type(PASSWORD);
    await page.keyboard.press('Enter');
    assert.ok((await waitForMarks(page, 1)).includes('racial profiling'));
    await page.evaluate((url) => location.assign(url), extensionUrl(`pdf.html?url=${encodeURIComponent(server.url('corrupt'))}`));
    await page.waitForFunction(() => document.querySelector('.problem'), { timeout: 10000 });
    assert.equal((await page.evaluate(probe.problem))?.kind, 'damaged');
    await page.evaluate((url) => location.assign(url), extensionUrl(`pdf.html?url=${encodeURIComponent(server.url('scanned'))}`));
    await page.waitForFunction(() => document.querySelector('.reader-aside .notice'), { timeout: 10000 });
    assert.match((await page.evaluate(probe.documentList)).notices.join(' '), /cannot find terms in images/);
    await page.close();
  });

  it('keyboard: a term in "On this document" opens its card with focus in it; Escape gives focus back', async () => {
    const page = await openReader('opinion');
    await waitForMarks(page, 12);
    await page.waitForFunction(probe.readingDone, { timeout: 10000 });
    const button = await page.waitForSelector('.term-button ::-p-text(Racial profiling)');
    await button!.evaluate((el) => (el.closest('button') as HTMLElement).focus());
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('legal-lens-ui')?.shadowRoot?.activeElement?.classList.contains('card'), { timeout: 5000 });
    assert.equal((await page.evaluate(probe.openCard))?.heading, 'Racial profiling');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('legal-lens-ui')?.shadowRoot?.querySelector('.card'), { timeout: 5000 });
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Racial profilingfound once');
    await page.close();
  });

  it('a two-column page; a file dropped on the page; files that are cut short or not PDFs', async () => {
    const page = await openReader('two-column');
    const marked = await waitForMarks(page, 4);
    for (const term of ['racial profiling', 'writ of mandamus', 'Immigration and Nationality Act']) assert.ok(marked.includes(term), `${term} in ${JSON.stringify(marked)}`);
    assert.equal(await hoverTerm(page, 'Immigration and Nationality Act', 1), 'Immigration and Nationality Act (INA)');
    await page.evaluate(probe.dropFile, { bytes: [...server.bytes('not-a-pdf')], name: 'notice.pdf' });
    await page.waitForFunction(() => document.querySelector('.problem'), { timeout: 10000 });
    assert.equal((await page.evaluate(probe.problem))?.kind, 'not-pdf');
    await page.evaluate(probe.dropFile, { bytes: [...server.bytes('truncated')], name: 'opinion-part.pdf' });
    await page.waitForFunction(() => document.querySelector('.problem')?.getAttribute('data-problem') === 'damaged', { timeout: 10000 });
    await page.close();
  });

  it('a 500-page PDF shows its first page within 2 s and draws pages on demand', async () => {
    const page = await openReader('long');
    const firstPageMs = (await (await page.waitForFunction(() => document.querySelector('.page[data-page-number="1"] .textLayer span') && performance.now(), { timeout: 10000, polling: 'raf' })).jsonValue()) as number;
    console.log(`# Firefox, 500-page PDF: first page drawn ${Math.round(firstPageMs)} ms after the reader started loading`);
    assert.ok(firstPageMs < 2000, `first page after ${firstPageMs} ms`);
    await page.waitForFunction(probe.readingDone, { timeout: 60000 });
    const read = await page.evaluate(() => (performance.getEntriesByName('legal-lens:pdf-read')[0] as PerformanceMark).detail as { pages: number; longestPageMs: number });
    console.log(`# Firefox, 500-page PDF: longest page read ${read.longestPageMs.toFixed(1)} ms`);
    assert.equal(read.pages, 500);
    assert.ok(read.longestPageMs <= 50);
    const drawn = await page.evaluate(probe.drawnPages);
    assert.ok(drawn.length <= 10 && drawn.includes(1), JSON.stringify(drawn));
    await page.close();
  });

  it('made no request that leaves the machine, and no errors', () => {
    // the browser's own services (parked by puppeteer at dummy.test, or Mozilla's remote settings) are not ours
    assert.deepEqual(proxy.seen.filter((r) => !/dummy\.test|\.mozilla\.(com|net|org)\b|\.firefox\.com\b/.test(r)), []);
    assert.deepEqual(errors, []);
  });
});

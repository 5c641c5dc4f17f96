// The Firefox build in real Firefox (firefox-esr, headless, over WebDriver BiDi with puppeteer-core):
// the content script marks the law-firm article, a hover opens the card, and a Spanish page gets a Spanish card,
// whether it declares its language or not.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ROWS } from '../../entrypoints/popup/whole-rows.ts';
import { ROOT, startServer } from './harness';
import { popupLayoutScript, type PopupLayout } from './pages/popup-layout';

const FIREFOX_BUILD = join(ROOT, '.output/firefox-mv2');
/** The extension's moz-extension:// host, fixed through a preference so tests can open its pages. */
const EXTENSION_UUID = 'b5c0a4e2-8d0f-4e7a-9c1b-6f2d3a4e5b6c';

/** FIREFOX_PATH, then Debian's firefox-esr (installed with apt-get when running as root on Debian). */
function findFirefox(): string {
  for (const c of [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox']) if (c && existsSync(c)) return c;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    execFileSync('apt-get', ['install', '-y', 'firefox-esr'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (existsSync('/usr/bin/firefox-esr')) return '/usr/bin/firefox-esr';
  }
  throw new Error('No Firefox found: install one (Debian: sudo apt-get install firefox-esr) or set FIREFOX_PATH.');
}

describe('Firefox', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startServer>>;
  const errors: string[] = [];
  before(async () => {
    server = await startServer();
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: findFirefox(),
      headless: true,
      extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ 'legal-lens@legal-lens.org': EXTENSION_UUID }) },
    });
    await browser.installExtension(FIREFOX_BUILD);
  });
  after(async () => {
    await browser?.close();
    server?.server.close();
  });

  async function open(path: string, min: number): Promise<Page> {
    const page = await browser.newPage();
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(server.url(path));
    await page.waitForFunction((n) => (CSS.highlights.get('legal-lens-underline')?.size ?? 0) >= n, { timeout: 15000 }, min);
    return page;
  }

  async function hover(page: Page, text: string): Promise<void> {
    const point = await page.evaluate((t) => {
      for (const s of CSS.highlights.get('legal-lens-underline')!) {
        const r = document.createRange();
        r.setStart((s as AbstractRange).startContainer, (s as AbstractRange).startOffset);
        r.setEnd((s as AbstractRange).endContainer, (s as AbstractRange).endOffset);
        if (r.toString() !== t) continue;
        r.startContainer.parentElement!.scrollIntoView({ block: 'center' });
        const b = r.getClientRects()[0];
        return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
      }
      throw new Error(`no ${t}`);
    }, text);
    await page.mouse.move(point.x, point.y, { steps: 3 });
  }

  /**
   * An extension page in a tab. WebDriver BiDi may not navigate a tab to moz-extension:// itself, so the
   * extension opens one — the explainer, from a card's "Read the full explainer" on `page` — and that page then
   * goes to `path` on its own origin.
   */
  async function openExtensionPage(page: Page, path: string): Promise<Page> {
    await hover(page, 'Immigration and Nationality Act');
    await heading(page);
    const opened = new Promise<Page>((resolve) => {
      browser.once('targetcreated', (target) => void target.page().then((p) => p && resolve(p)));
    });
    await page.evaluate(() => document.querySelector('legal-lens-ui')!.shadowRoot!.querySelector<HTMLAnchorElement>('a.read-more')!.click());
    const tab = await opened;
    tab.on('pageerror', (e) => errors.push(String(e)));
    await tab.waitForFunction(() => location.protocol === 'moz-extension:', { timeout: 10000 });
    await tab.evaluate((p) => location.assign(`/${p}`), path);
    await tab.waitForFunction((p) => location.pathname === `/${p}` && document.readyState === 'complete', { timeout: 10000 }, path);
    assert.equal(await tab.evaluate(() => location.host), EXTENSION_UUID);
    return tab;
  }

  const heading = (page: Page) =>
    page.waitForFunction(() => document.querySelector('legal-lens-ui')?.shadowRoot?.querySelector('[role="dialog"] h2')?.textContent, { timeout: 5000 })
      .then((h) => h.jsonValue());

  it('marks the law-firm article as Chromium does', async () => {
    const page = await open('/own/law-firm-article.html', 60);
    const counts = await page.evaluate(() => {
      const texts = [...CSS.highlights.get('legal-lens-underline')!].map((s) => {
        const r = document.createRange();
        r.setStart((s as AbstractRange).startContainer, (s as AbstractRange).startOffset);
        r.setEnd((s as AbstractRange).endContainer, (s as AbstractRange).endOffset);
        return r.toString().replace(/\s+/g, ' '); // as the reader sees it: "racial\n  profiling" is one phrase
      });
      const body = document.body.innerText;
      return {
        painted287: texts.filter((t) => t.includes('287(g)')).length,
        text287: (body.match(/287\(g\)/g) ?? []).length,
        paintedProfiling: texts.filter((t) => /racial profiling/i.test(t)).length,
        textProfiling: (body.match(/racial profiling/gi) ?? []).length,
      };
    });
    assert.equal(counts.painted287, counts.text287);
    assert.equal(counts.paintedProfiling, counts.textProfiling);
    await page.close();
  });

  it('opens the hover card, in English and on a Spanish page in Spanish', async () => {
    const page = await open('/own/law-firm-article.html', 60);
    await hover(page, 'Immigration and Nationality Act');
    assert.equal(await heading(page), 'Immigration and Nationality Act (INA)');
    await page.close();
    const es = await open('/own/spanish.html', 5);
    await hover(es, 'perfil racial');
    assert.equal(await heading(es), 'Perfil racial');
    await es.close();
    assert.deepEqual(errors, []);
  });

  it('shows the popup at its real size with one scroll, whole rows, and links and disclaimer in view', async () => {
    const article = await open('/own/law-firm-article.html', 60);
    const popup = await openExtensionPage(article, 'popup.html');
    await popup.setViewport({ width: 360, height: 600 });
    // as when the toolbar button is clicked on the article: the article is the active tab when the popup asks
    await article.bringToFront();
    await popup.evaluate(() => location.reload());
    await popup.waitForSelector('.page-terms li');
    const layout = (await popup.evaluate(popupLayoutScript(ROWS))) as PopupLayout;
    assert.equal(layout.documentScrolls, false);
    assert.deepEqual(layout.scrollers, ['main.popup-main']);
    assert.ok(layout.popupHeight <= 600);
    assert.deepEqual(layout.outOfView, []);
    assert.deepEqual(layout.cutRows, []);
    assert.deepEqual(layout.unreachable, []);
    assert.ok(layout.rows >= 10, `${layout.rows} rows`);
    await popup.close();
    await article.close();
    assert.deepEqual(errors, []);
  });

  it('gives a Spanish page without <html lang> Spanish cards (i18n.detectLanguage in the content script)', async () => {
    const page = await open('/own/spanish-no-lang.html', 3);
    assert.equal(await page.evaluate(() => document.documentElement.lang), '');
    await hover(page, 'perfil racial');
    assert.equal(await heading(page), 'Perfil racial');
    await page.close();
    assert.deepEqual(errors, []);
  });
});

// The README's screenshots, taken from the built extension in Debian's Chromium the way a person sees it: the popup
// at its real size over a law firm's article, a card in light and dark mode, a card on a Spanish page that does not
// declare its language, a card on a phone, and an explainer page. Run `npm run screenshots` (it builds first); not
// part of `npm test`. Writes docs/screenshots/*.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, launchWithExtension, startServer, waitForHighlights, type ExtensionBrowser, type LaunchOptions } from './harness';
import { ArticlePage, type Box } from './pages/article-page';
import { PopupPage } from './pages/popup-page';

const OUT = join(ROOT, 'docs/screenshots');
const server = await startServer();
mkdirSync(OUT, { recursive: true });

/** A box around both the term and its card, with room to see the page around them, inside the viewport. */
function around(boxes: Box[], page: Page, margin = 40): Box {
  const vp = page.viewportSize()!;
  const x = Math.max(0, Math.min(...boxes.map((b) => b.x)) - margin);
  const y = Math.max(0, Math.min(...boxes.map((b) => b.y)) - margin);
  const right = Math.min(vp.width, Math.max(...boxes.map((b) => b.x + b.width)) + margin);
  const bottom = Math.min(vp.height, Math.max(...boxes.map((b) => b.y + b.height)) + margin);
  return { x, y, width: right - x, height: bottom - y };
}

async function withBrowser(options: LaunchOptions, shoot: (browser: ExtensionBrowser) => Promise<void>): Promise<void> {
  const browser = await launchWithExtension(options);
  try {
    await shoot(browser);
  } finally {
    await browser.close();
  }
}

async function openArticle(browser: ExtensionBrowser, path: string, min: number): Promise<ArticlePage> {
  const page = await browser.context.newPage();
  await page.goto(server.url(path));
  await waitForHighlights(page, min);
  return new ArticlePage(page);
}

/** Hovers (or taps) `term` and saves the card with its term and some of the page around them. */
async function cardShot(a: ArticlePage, term: string, file: string, { tap = false, whole = false } = {}): Promise<void> {
  const box = tap ? await a.termBox(term) : await a.hover(term);
  if (tap) await a.page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  await a.card.waitFor();
  const card = await a.settledCardBox();
  const termBox = await a.termBox(term, 0, { scroll: false });
  await a.page.screenshot({ path: join(OUT, file), ...(whole ? {} : { clip: around([card, termBox], a.page) }) });
  console.log(`docs/screenshots/${file}`);
}

try {
  await withBrowser({ viewport: { width: 1100, height: 760 } }, async (browser) => {
    const a = await openArticle(browser, '/own/law-firm-article.html', 60);
    await cardShot(a, 'Immigration and Nationality Act', 'card-light.png');

    // the popup as the toolbar button shows it over this article: 360 px wide, as tall as its content (≤ 600 px)
    const popup = await PopupPage.openFor(browser, a.page);
    await popup.page.setViewportSize({ width: 360, height: 600 });
    await popup.onThisPage.getByRole('link').first().waitFor();
    await popup.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const height = await popup.page.evaluate(() => Math.ceil(document.querySelector('.popup')!.getBoundingClientRect().height));
    await popup.page.setViewportSize({ width: 360, height });
    await popup.page.screenshot({ path: join(OUT, 'popup.png') });
    console.log('docs/screenshots/popup.png');

    const es = await openArticle(browser, '/own/spanish-no-lang.html', 3);
    await cardShot(es, 'perfil racial', 'card-spanish.png');

    const explainer = await browser.context.newPage();
    await explainer.goto(browser.extensionUrl('explainer.html#writ-of-mandamus'));
    await explainer.locator('.article-body h2').first().waitFor();
    await explainer.screenshot({ path: join(OUT, 'explainer-term.png') });
    console.log('docs/screenshots/explainer-term.png');
  });

  await withBrowser({ viewport: { width: 1100, height: 900 }, colorScheme: 'dark' }, async (browser) => {
    const a = await openArticle(browser, '/own/news-article.html', 5);
    await a.page.evaluate(() => {
      document.body.style.background = '#121212';
      document.body.style.color = '#ddd';
    });
    const first = await a.page.evaluate(() => {
      const range = [...CSS.highlights.get('legal-lens-underline')!][0] as AbstractRange;
      return __rangeText(range);
    });
    await cardShot(a, first, 'card-dark.png');
  });

  // a phone: 390 × 844, a finger as the only pointer (44 px targets), the card opened by a tap
  const coarse = '--blink-settings=primaryPointerType=2,availablePointerTypes=2,primaryHoverType=1,availableHoverTypes=1';
  await withBrowser({ viewport: { width: 390, height: 844 }, hasTouch: true, args: [coarse] }, async (browser) => {
    const a = await openArticle(browser, '/own/law-firm-article.html', 60);
    await cardShot(a, 'writ of mandamus', 'card-phone.png', { tap: true, whole: true });
  });
} finally {
  server.server.close();
}

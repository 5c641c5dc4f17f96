// Makes the README's picture of the PDF reader: the built Chrome extension in headless Chromium, the opinion-like
// test PDF (generated, served from 127.0.0.1), and the hover card open on a term in its text layer. Not part of
// `npm test`; run `npm run build && npx tsx scripts/pdf-screenshot.ts`. Writes docs/screenshots/pdf-card.png.
import { join } from 'node:path';
import { ROOT, launchWithExtension } from '../tests/browser/harness';
import { startPdfServer } from '../tests/browser/pdf/pdf-server';
import * as probe from '../tests/browser/pdf/reader-probes';

const OUT = join(ROOT, 'docs/screenshots/pdf-card.png');

const server = await startPdfServer();
const browser = await launchWithExtension({ viewport: { width: 1280, height: 760 } });
try {
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl(`pdf.html?url=${encodeURIComponent(server.url('opinion'))}`));
  await page.waitForFunction(() => (CSS.highlights.get('legal-lens-underline')?.size ?? 0) >= 12, undefined, { timeout: 20000 });
  await page.waitForFunction(probe.readingDone);
  const point = await page.evaluate(probe.termPoint, { text: 'racial profiling', rect: 1 });
  if (!point) throw new Error('"racial profiling" is not marked');
  await page.mouse.move(point.x, point.y, { steps: 4 });
  await page.waitForFunction(() => !!document.querySelector('legal-lens-ui')?.shadowRoot?.querySelector('.card'));
  await page.waitForTimeout(300); // the card's placement settles on the next frames
  await page.screenshot({ path: OUT });
  console.log(`wrote ${OUT}`);
} finally {
  await browser.close();
  server.close();
}

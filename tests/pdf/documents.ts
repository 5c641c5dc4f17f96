// The PDFs the reader is tested with, generated at test time by pdf-writer.ts: an opinion-like document with terms
// across lines and across a page break, a Spanish document, a two-column page, a scanned-like page with no text,
// an encrypted file, a damaged and a cut-short file, a 500-page document, and a file that is not a PDF.
import { linesOf, writePdf, type GrayImage, type PageSpec } from './pdf-writer';

/** The password of the encrypted document. */
export const PASSWORD = 'tps-2026';

/** An opinion-like document: caption, terms split over lines, a hyphenated term, a term over a page break. */
export function opinionPdf(): Uint8Array {
  const page1: PageSpec = {
    lines: [
      { x: 180, y: 740, text: 'UNITED STATES DISTRICT COURT', size: 14, font: 'serif' },
      { x: 72, y: 700, text: 'Plaintiffs, lawful permanent residents, petition for a writ of', font: 'serif' },
      { x: 72, y: 684, text: 'mandamus compelling the agency to decide their applications.', font: 'serif' },
      { x: 72, y: 660, text: 'They also allege racial', font: 'serif' },
      { x: 72, y: 644, text: 'profiling in traffic stops carried out under a 287(g) agreement', font: 'serif' },
      { x: 72, y: 628, text: 'between the county and ICE, contrary to the Fourth Amendment.', font: 'serif' },
      { x: 72, y: 604, text: 'The Immigration and Nationality Act governs the claims. A peti-', font: 'serif' },
      { x: 72, y: 588, text: 'tion for habeas corpus was filed separately. The court may issue a writ of', font: 'serif' },
    ],
  };
  const page2: PageSpec = {
    lines: [
      { x: 72, y: 740, text: 'mandamus only when the duty owed is clear and nondiscretionary.', font: 'serif' },
      ...linesOf(['The plaintiffs seek a preliminary injunction against the detainer practice and class certification under Rule 23.'], { top: 716 }),
    ],
  };
  const page3: PageSpec = { lines: linesOf(['For these reasons the petition for a writ of mandamus is GRANTED in part.'], { top: 740 }) };
  return writePdf([page1, page2, page3], { title: 'Opinion and Order', lang: 'en-US' });
}

/** A Spanish document with no declared language (the reader detects it). */
export function spanishPdf(): Uint8Array {
  return writePdf([
    {
      lines: linesOf([
        'Guía para familias: qué hacer si la policía le detiene.',
        'El perfil racial está prohibido por la ley. Una solicitud de retención de ICE no es una orden de un juez.',
        'Si un familiar está detenido, un abogado puede presentar una petición de hábeas corpus ante la corte federal.',
        'Guarde copias de todos sus documentos y hable con un abogado de confianza.',
      ], { width: 75 }),
    },
  ]);
}

/** Two columns on one page, each read top to bottom; a term is split over lines in each column. */
export function twoColumnPdf(): Uint8Array {
  const left = linesOf(['Left column. Officers stopped drivers in what the court called racial profiling, and the county', 'had a 287(g) agreement with the federal agency.'], { x: 50, width: 38, size: 11 });
  const right = linesOf(['Right column. The detainees asked for a writ of mandamus and for relief under the Immigration and', 'Nationality Act within a reasonable time.'], { x: 320, width: 38, size: 11 });
  return writePdf([{ lines: [...left, ...right] }], { title: 'Two columns', lang: 'en' });
}

/** A gray "photo" of lines of text: dark bars on light paper, as a scanner makes. */
function scannedImage(): GrayImage {
  const columns = 400;
  const rows = 500;
  const pixels = new Uint8Array(columns * rows).fill(238);
  for (let line = 0; line < 24; line++) {
    const top = 30 + line * 19;
    const length = 300 + ((line * 37) % 60);
    for (let y = top; y < top + 8; y++) for (let x = 40; x < 40 + length; x++) pixels[y * columns + x] = (x * 7 + y) % 11 < 8 ? 40 : 120;
  }
  return { x: 56, y: 96, width: 500, height: 625, columns, rows, pixels };
}

/** A scanned-like document: one page that is only an image, no text layer. */
export function scannedPdf(): Uint8Array {
  return writePdf([{ images: [scannedImage()] }], { title: 'Scanned notice' });
}

/** Encrypted with PASSWORD (RC4 128-bit): its text cannot be read without it. */
export function encryptedPdf(): Uint8Array {
  return writePdf([{ lines: linesOf(['Confidential memo. The racial profiling complaint was referred to the Department of Justice.']) }], {
    title: 'Confidential memo',
    encrypt: { userPassword: PASSWORD },
  });
}

/** A PDF header followed by junk: pdf.js finds no document in it. */
export function corruptPdf(): Uint8Array {
  const junk = new Uint8Array(4096);
  for (let i = 0; i < junk.length; i++) junk[i] = (i * 73 + 11) % 251;
  const header = new TextEncoder().encode('%PDF-1.7\n');
  const out = new Uint8Array(header.length + junk.length);
  out.set(header);
  out.set(junk, header.length);
  return out;
}

/** The opinion cut off a third of the way in: no cross-reference table, no trailer. */
export function truncatedPdf(): Uint8Array {
  const whole = opinionPdf();
  return whole.slice(0, Math.floor(whole.length / 3));
}

/** `count` pages of court-opinion-like text, each with a few terms. */
export function longPdf(count = 500): Uint8Array {
  const pages: PageSpec[] = [];
  for (let n = 1; n <= count; n++) {
    pages.push({
      lines: linesOf([
        `Page ${n}. The agency did not act on the application within a reasonable time, and the plaintiffs seek a writ of mandamus.`,
        `Under section 287(g) the county entered an agreement with ICE. The record shows racial profiling in ${n % 7} stops.`,
        'The court reviews the claims under the Immigration and Nationality Act and the Administrative Procedure Act.',
      ]),
    });
  }
  return writePdf(pages, { title: `${count} pages`, lang: 'en' });
}

/** Not a PDF at all: an HTML page saved with a .pdf name. */
export function notAPdf(): Uint8Array {
  return new TextEncoder().encode('<!doctype html><title>Not found</title><p>The document you asked for is not here.</p>');
}

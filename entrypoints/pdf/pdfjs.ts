// pdfjs: the one module that loads pdf.js. It opens documents from bytes the reader already has (pdf.js never
// fetches a document itself), with its worker, standard fonts, CMaps, wasm decoders and ICC profile all taken
// from the extension's own /pdfjs/ folder (copied there at build time by modules/pdfjs-assets.ts): pdf.js makes
// no network request. Kept out of every module the Node tests import.
import { GlobalWorkerOptions, TextLayer, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
import { browser } from 'wxt/browser';

export { TextLayer };
export type { PDFDocumentProxy };
export type { PDFPageProxy, PageViewport } from 'pdfjs-dist';
export type { TextContent, TextItem } from 'pdfjs-dist/types/src/display/api';

// the /pdfjs/ files are added by a build hook, so WXT's list of public paths does not know them
const asset = (path: string) => browser.runtime.getURL(`/pdfjs/${path}` as '/popup.html');

let workerReady = false;
/**
 * Starts pdf.js's worker (a module worker from the extension's own files) once, for every document of the page.
 * Called as the reader starts, so the worker's 1.2 MB script compiles while the PDF downloads.
 */
export function ensureWorker(): void {
  if (workerReady) return;
  GlobalWorkerOptions.workerPort = new Worker(asset('pdf.worker.min.mjs'), { type: 'module' });
  workerReady = true;
}

/**
 * Opens a PDF from its bytes (copied: pdf.js hands its buffer to the worker). Rejects with pdf.js's own errors
 * (PasswordException, InvalidPDFException…), which problems.ts classifies.
 */
export async function openPdf(bytes: Uint8Array, password?: string): Promise<PDFDocumentProxy> {
  ensureWorker();
  const task = getDocument({
    data: bytes.slice(),
    password,
    cMapUrl: asset('cmaps/'),
    cMapPacked: true,
    standardFontDataUrl: asset('standard_fonts/'),
    wasmUrl: asset('wasm/'),
    iccUrl: asset('iccs/'),
    useSystemFonts: false,
    isEvalSupported: false, // extension pages forbid eval; pdf.js then interprets PostScript functions
    enableXfa: false,
    stopAtErrors: false,
  });
  return task.promise;
}

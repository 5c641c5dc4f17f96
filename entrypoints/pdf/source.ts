// source: the bytes of the PDF the reader was asked to open — fetched from its address (only when the user asked:
// the popup's "Explain this PDF", the "Open with Legal Lens" menu item, or a link to pdf.html?url=…), or read from
// a file the user picked or dropped. Every failure comes back as a Problem, never as a hang.
import { MAX_PDF_BYTES, classifyFetchError, looksLikePdf, type Problem } from './problems';

export interface FetchDeps {
  fetch: typeof fetch;
  /** whether the user granted the extension access to `origin` (an optional host permission) */
  hasAccess: (origin: string) => Promise<boolean>;
  /** how long a download may take before the reader gives up and says so, in ms (default DOWNLOAD_TIMEOUT_MS) */
  timeoutMs?: number;
}

/** A site that has not delivered the PDF after this long is reported as not answering (a 200 MB file on a slow line takes less). */
export const DOWNLOAD_TIMEOUT_MS = 120_000;

/**
 * The match pattern of an optional host permission for one site: its scheme and host. Match patterns carry no
 * port (Firefox does not match one written in a pattern), so a pattern covers every port of the host.
 */
export function originPattern(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}

/**
 * Downloads the PDF at `url`. Without the user's permission for its site the request carries no cookies, and the
 * browser lets it through only when the site allows it (CORS); a refusal comes back as `needs-access`.
 */
export async function fetchPdf(url: URL, deps: FetchDeps): Promise<Uint8Array | Problem> {
  const granted = await deps.hasAccess(url.origin).catch(() => false);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), deps.timeoutMs ?? DOWNLOAD_TIMEOUT_MS);
  try {
    let response: Response;
    try {
      response = await deps.fetch(url.href, { credentials: granted ? 'include' : 'omit', redirect: 'follow', cache: 'default', signal: controller.signal });
    } catch (error) {
      return controller.signal.aborted ? { kind: 'unreachable' } : classifyFetchError(error, url, granted);
    }
    if (!response.ok) return { kind: 'http', status: response.status };
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > MAX_PDF_BYTES) return { kind: 'too-large' };
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await response.arrayBuffer());
    } catch {
      return { kind: 'unreachable' }; // the download broke off (or took too long)
    }
    return checkBytes(bytes);
  } finally {
    clearTimeout(timer);
  }
}

/** Reads a picked or dropped file. */
export async function readPdfFile(file: Blob): Promise<Uint8Array | Problem> {
  if (file.size > MAX_PDF_BYTES) return { kind: 'too-large' };
  try {
    return checkBytes(new Uint8Array(await file.arrayBuffer()));
  } catch {
    return { kind: 'unknown', detail: 'the file could not be read' };
  }
}

/** The bytes, when they can be a PDF. */
export function checkBytes(bytes: Uint8Array): Uint8Array | Problem {
  if (bytes.length > MAX_PDF_BYTES) return { kind: 'too-large' };
  if (!bytes.length || !looksLikePdf(bytes)) return { kind: 'not-pdf' };
  return bytes;
}

/** A file name for the document: the last part of its address's path, else "document.pdf". */
export function fileNameOf(url: URL): string {
  const last = decodeURIComponent(url.pathname.split('/').filter(Boolean).pop() ?? '');
  return last || 'document.pdf';
}

// problems: what can go wrong opening a PDF, told apart so the reader can say it plainly (and never hang).
// Errors are told apart by their `name` (and pdf.js's `code` for passwords), never by importing pdf.js's classes,
// so this module (and its tests, on Node) never load pdf.js.

/**
 * - `not-pdf`: the bytes are not a PDF (no `%PDF-` header near the start), or the file is empty
 * - `damaged`: a PDF header, but pdf.js cannot read the file's structure (corrupt or cut short)
 * - `password`: the PDF is encrypted and needs a password (`retry`: the one given was wrong)
 * - `needs-access`: the browser blocked reading the file from its site; the user can allow it (see SECURITY.md)
 * - `unreachable`: the site did not answer (offline, refused, blocked)
 * - `http`: the site answered with an error status (`status`)
 * - `too-large`: over MAX_PDF_BYTES
 * - `bad-address`: the address is not an http(s) URL (a local file is opened with the file picker instead)
 * - `unknown`: anything else; `detail` keeps the message for the console
 */
export type Problem =
  | { kind: 'not-pdf' }
  | { kind: 'damaged' }
  | { kind: 'password'; retry: boolean }
  | { kind: 'needs-access'; origin: string }
  | { kind: 'unreachable' }
  | { kind: 'http'; status: number }
  | { kind: 'too-large' }
  | { kind: 'bad-address'; local: boolean }
  | { kind: 'unknown'; detail: string };

/** The largest PDF the reader opens: far above court opinions and Federal Register issues (a few MB). */
export const MAX_PDF_BYTES = 200 * 1024 * 1024;

/** pdf.js tolerates up to 1024 bytes of junk before the `%PDF-` header; so does this. */
const HEADER_WINDOW = 1024;
const HEADER = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

/** True when `bytes` carries a PDF header within its first 1024 bytes. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, HEADER_WINDOW) - HEADER.length;
  outer: for (let i = 0; i <= end; i++) {
    for (let j = 0; j < HEADER.length; j++) if (bytes[i + j] !== HEADER[j]) continue outer;
    return true;
  }
  return false;
}

/** pdf.js's PasswordResponses: 1 = a password is needed, 2 = the password given was wrong. */
const INCORRECT_PASSWORD = 2;

/** Classifies an error thrown while pdf.js opened a document. */
export function classifyPdfError(error: unknown): Problem {
  const e = (error ?? {}) as { name?: unknown; code?: unknown; message?: unknown; status?: unknown };
  const name = typeof e.name === 'string' ? e.name : '';
  const message = typeof e.message === 'string' ? e.message : String(error);
  if (name === 'PasswordException') return { kind: 'password', retry: e.code === INCORRECT_PASSWORD };
  if (name === 'InvalidPDFException' || name === 'FormatError' || name === 'UnknownErrorException') return { kind: 'damaged' };
  if (/invalid pdf|xref|trailer|startxref|unexpected end|bad (xref|pdf)/i.test(message)) return { kind: 'damaged' };
  if (name === 'ResponseException' && typeof e.status === 'number' && e.status > 0) return { kind: 'http', status: e.status };
  return { kind: 'unknown', detail: `${name || 'Error'}: ${message}` };
}

/** Classifies a failed fetch of `url`: a TypeError is the browser refusing (CORS) or the network failing. */
export function classifyFetchError(error: unknown, url: URL, accessGranted: boolean): Problem {
  if (error instanceof TypeError || (error as { name?: string })?.name === 'TypeError') {
    return accessGranted ? { kind: 'unreachable' } : { kind: 'needs-access', origin: url.origin };
  }
  return { kind: 'unknown', detail: String(error) };
}

/** The address a reader page was opened for, or why it cannot be read. */
export function parsePdfAddress(raw: string): URL | Problem {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { kind: 'bad-address', local: false };
  }
  if (url.protocol === 'file:') return { kind: 'bad-address', local: true };
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { kind: 'bad-address', local: false };
  return url;
}

export function isProblem(value: unknown): value is Problem {
  return !!value && typeof value === 'object' && 'kind' in value && !(value instanceof URL);
}

// A small PDF writer for tests: pages of positioned text lines in the standard Helvetica and Times fonts
// (WinAnsi encoding, so Spanish accents work), optional gray images (a "scanned" page), document language and
// title, and the standard security handler (RC4, 128-bit, revision 3: ISO 32000-1 §7.6.3, algorithms 2–5) for
// password-protected files. Every PDF the tests open is made here at test time; no PDF is committed.
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';

export interface TextLine {
  /** from the page's left edge, in points */
  x: number;
  /** from the page's bottom edge, in points (PDF coordinates) */
  y: number;
  text: string;
  size?: number;
  font?: 'sans' | 'serif';
}

export interface GrayImage {
  x: number;
  y: number;
  width: number;
  height: number;
  /** pixel columns and rows of `pixels` (0 = black, 255 = white), row by row from the top */
  columns: number;
  rows: number;
  pixels: Uint8Array;
}

export interface PageSpec {
  width?: number;
  height?: number;
  lines?: TextLine[];
  images?: GrayImage[];
}

export interface PdfOptions {
  title?: string;
  /** the document's declared language (/Lang), e.g. "es-US" */
  lang?: string;
  /** encrypts the file: it opens only with `userPassword` (or the owner password) */
  encrypt?: { userPassword: string; ownerPassword?: string };
}

const LETTER = { width: 612, height: 792 };

/** cp1252 (WinAnsiEncoding) bytes of the characters above Latin-1's that documents use. */
const WIN_ANSI_EXTRA: Record<string, number> = {
  '\u2018': 0x91, '\u2019': 0x92, '\u201c': 0x93, '\u201d': 0x94, '\u2013': 0x96, '\u2014': 0x97, '\u2022': 0x95, '\u2026': 0x85,
};

function winAnsi(text: string): number[] {
  return [...text].map((ch) => {
    const extra = WIN_ANSI_EXTRA[ch];
    if (extra) return extra;
    const code = ch.charCodeAt(0);
    if (code > 0xff) throw new Error(`pdf-writer: ${JSON.stringify(ch)} is not in WinAnsiEncoding`);
    return code;
  });
}

/** A PDF literal string of WinAnsi bytes, with ( ) \ escaped. */
function literal(bytes: number[]): string {
  let out = '(';
  for (const b of bytes) {
    if (b === 0x28 || b === 0x29 || b === 0x5c) out += `\\${String.fromCharCode(b)}`;
    else if (b < 0x20 || b > 0x7e) out += `\\${b.toString(8).padStart(3, '0')}`;
    else out += String.fromCharCode(b);
  }
  return `${out})`;
}

function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = new Uint8Array(256);
  for (let i = 0; i < 256; i++) s[i] = i;
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
  }
  const out = new Uint8Array(data.length);
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 255;
    j = (j + s[i]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
    out[k] = data[k] ^ s[(s[i] + s[j]) & 255];
  }
  return out;
}

const md5 = (...parts: Uint8Array[]) => {
  const h = createHash('md5');
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};

const PAD = Uint8Array.from([
  0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08,
  0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68, 0x3e, 0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
]);

function padPassword(password: string): Uint8Array {
  const bytes = Uint8Array.from(winAnsi(password)).slice(0, 32);
  const out = new Uint8Array(32);
  out.set(bytes);
  out.set(PAD.subarray(0, 32 - bytes.length), bytes.length);
  return out;
}

/** The standard security handler's values for revision 3, 128-bit keys (algorithms 2, 3 and 5). */
function securityHandler(userPassword: string, ownerPassword: string, id: Uint8Array) {
  const n = 16;
  const permissions = -4; // everything allowed
  const p = new Uint8Array(4);
  new DataView(p.buffer).setInt32(0, permissions, true);
  // algorithm 3: the owner entry
  let ownerKey = md5(padPassword(ownerPassword));
  for (let i = 0; i < 50; i++) ownerKey = md5(ownerKey.subarray(0, n));
  ownerKey = ownerKey.subarray(0, n);
  let o = rc4(ownerKey, padPassword(userPassword));
  for (let i = 1; i <= 19; i++) o = rc4(ownerKey.map((b) => b ^ i), o);
  // algorithm 2: the file key
  let key = md5(padPassword(userPassword), o, p, id);
  for (let i = 0; i < 50; i++) key = md5(key.subarray(0, n));
  key = key.subarray(0, n);
  // algorithm 5: the user entry
  let u = rc4(key, md5(PAD, id));
  for (let i = 1; i <= 19; i++) u = rc4(key.map((b) => b ^ i), u);
  const uFull = new Uint8Array(32);
  uFull.set(u);
  return { key, o, u: uFull, permissions };
}

const hex = (bytes: Uint8Array) => `<${Buffer.from(bytes).toString('hex')}>`;

/** Builds a PDF file from page specs. */
export function writePdf(pages: PageSpec[], options: PdfOptions = {}): Uint8Array {
  const objects: (Uint8Array | null)[] = [null]; // 1-based object numbers
  const reserve = () => objects.push(null) - 1;
  const id = md5(new TextEncoder().encode(JSON.stringify(pages).slice(0, 2000) + (options.title ?? '')));
  const security = options.encrypt ? securityHandler(options.encrypt.userPassword, options.encrypt.ownerPassword ?? `${options.encrypt.userPassword}-owner`, id) : null;
  const objectKey = (num: number) => {
    const extra = Uint8Array.from([num & 255, (num >> 8) & 255, (num >> 16) & 255, 0, 0]);
    return md5(security!.key, extra).subarray(0, Math.min(security!.key.length + 5, 16));
  };
  const enc = new TextEncoder();
  const dictObject = (num: number, dict: string) => {
    objects[num] = enc.encode(`${num} 0 obj\n${dict}\nendobj\n`);
  };
  const streamObject = (num: number, dict: string, data: Uint8Array) => {
    const body = security ? rc4(objectKey(num), data) : data;
    const head = enc.encode(`${num} 0 obj\n<< ${dict} /Length ${body.length} >>\nstream\n`);
    const tail = enc.encode('\nendstream\nendobj\n');
    const out = new Uint8Array(head.length + body.length + tail.length);
    out.set(head);
    out.set(body, head.length);
    out.set(tail, head.length + body.length);
    objects[num] = out;
  };
  /** A text string in a dictionary (title): encrypted with its object's key when the file is. */
  const textString = (num: number, text: string) => {
    const bytes = Uint8Array.from(winAnsi(text));
    return security ? hex(rc4(objectKey(num), bytes)) : literal([...bytes]);
  };

  const catalog = reserve();
  const pagesRoot = reserve();
  const sans = reserve();
  const serif = reserve();
  dictObject(sans, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  dictObject(serif, '<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>');
  const kids: number[] = [];
  for (const page of pages) {
    const pageNum = reserve();
    const contentNum = reserve();
    kids.push(pageNum);
    const width = page.width ?? LETTER.width;
    const height = page.height ?? LETTER.height;
    let content = '';
    const xobjects: string[] = [];
    (page.images ?? []).forEach((image, i) => {
      const imageNum = reserve();
      const name = `Im${i + 1}`;
      xobjects.push(`/${name} ${imageNum} 0 R`);
      streamObject(imageNum, `/Type /XObject /Subtype /Image /Width ${image.columns} /Height ${image.rows} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode`, new Uint8Array(deflateSync(image.pixels)));
      content += `q ${image.width} 0 0 ${image.height} ${image.x} ${image.y} cm /${name} Do Q\n`;
    });
    for (const line of page.lines ?? []) {
      content += `BT /${line.font === 'serif' ? 'F2' : 'F1'} ${line.size ?? 12} Tf ${line.x} ${line.y} Td ${literal(winAnsi(line.text))} Tj ET\n`;
    }
    streamObject(contentNum, '', enc.encode(content));
    const resources = `/Resources << /Font << /F1 ${sans} 0 R /F2 ${serif} 0 R >>${xobjects.length ? ` /XObject << ${xobjects.join(' ')} >>` : ''} >>`;
    dictObject(pageNum, `<< /Type /Page /Parent ${pagesRoot} 0 R /MediaBox [0 0 ${width} ${height}] ${resources} /Contents ${contentNum} 0 R >>`);
  }
  dictObject(pagesRoot, `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`);
  dictObject(catalog, `<< /Type /Catalog /Pages ${pagesRoot} 0 R${options.lang ? ` /Lang ${textString(catalog, options.lang)}` : ''} >>`);
  let info = 0;
  if (options.title) {
    info = reserve();
    dictObject(info, `<< /Title ${textString(info, options.title)} /Producer (Legal Lens tests) >>`);
  }
  let encryptNum = 0;
  if (security) {
    encryptNum = reserve();
    // the encryption dictionary's own strings are never encrypted
    dictObject(encryptNum, `<< /Filter /Standard /V 2 /R 3 /Length 128 /O ${hex(security.o)} /U ${hex(security.u)} /P ${security.permissions} >>`);
  }

  const header = Uint8Array.from([...enc.encode('%PDF-1.7\n%'), 0xe2, 0xe3, 0xcf, 0xd3, 0x0a]);
  const chunks: Uint8Array[] = [header];
  const offsets: number[] = [0];
  let length = header.length;
  for (let i = 1; i < objects.length; i++) {
    offsets.push(length);
    chunks.push(objects[i]!);
    length += objects[i]!.length;
  }
  let xref = `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let i = 1; i < objects.length; i++) xref += `${String(offsets[i]).padStart(10, '0')} 00000 n \n`;
  const trailer = `trailer\n<< /Size ${objects.length} /Root ${catalog} 0 R${info ? ` /Info ${info} 0 R` : ''}${encryptNum ? ` /Encrypt ${encryptNum} 0 R` : ''} /ID [${hex(id)} ${hex(id)}] >>\nstartxref\n${length}\n%%EOF\n`;
  chunks.push(enc.encode(xref + trailer));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Lays out paragraphs as lines of at most `width` characters from the top of a page, 16 pt apart. */
export function linesOf(paragraphs: string[], { x = 72, top = 720, width = 80, size = 12, font = 'serif' as const } = {}): TextLine[] {
  const lines: TextLine[] = [];
  let y = top;
  for (const paragraph of paragraphs) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      if (line && line.length + 1 + word.length > width) {
        lines.push({ x, y, text: line, size, font });
        y -= size + 4;
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) lines.push({ x, y, text: line, size, font });
    y -= size + 10;
  }
  return lines;
}

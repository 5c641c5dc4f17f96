// Bytes as text that a JavaScript string literal holds as written: 13 bits in every two characters of printable
// ASCII, 23% more than the bytes (base64 adds 33%; Latin-1 characters cost 2 bytes each in a UTF-8 script).
// The alphabet leaves out both quotes, the backslash and "<", so no bundler or minifier ever escapes a
// character (a minifier rewrites "</script" in strings).

const ALPHABET = [...' !#$%&()*+,-./0123456789:;=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~'];
const BASE = ALPHABET.length; // 91: 91 × 91 = 8281 ≥ 2^13
const VALUE = new Int8Array(128).fill(-1);
ALPHABET.forEach((c, i) => (VALUE[c.charCodeAt(0)] = i));
/** The byte count is written first, in this many characters (at most 91^3 − 1 = 753,570 bytes). */
const LENGTH_CHARS = 3;
const MAX_BYTES = BASE ** LENGTH_CHARS - 1;

/** How many characters encodeBinaryText writes for `bytes` bytes. */
export const binaryTextLength = (bytes: number) => LENGTH_CHARS + 2 * Math.ceil((bytes * 8) / 13);

/** Bytes → text (see the file comment). Throws past 753,570 bytes. */
export function encodeBinaryText(bytes: Uint8Array): string {
  if (bytes.length > MAX_BYTES) throw new Error(`binary text: ${bytes.length} bytes is more than ${MAX_BYTES}`);
  let out = '';
  for (let n = bytes.length, k = 0; k < LENGTH_CHARS; k++, n = Math.floor(n / BASE)) out += ALPHABET[n % BASE];
  let acc = 0;
  let bits = 0;
  const pair = (v: number) => ALPHABET[v % BASE] + ALPHABET[Math.floor(v / BASE)];
  for (const b of bytes) {
    acc |= b << bits;
    bits += 8;
    if (bits >= 13) {
      out += pair(acc & 8191);
      acc >>>= 13;
      bits -= 13;
    }
  }
  if (bits > 0) out += pair(acc);
  return out;
}

/**
 * Text → bytes, the inverse of encodeBinaryText. Throws an Error that says what is wrong on a character
 * outside the alphabet, a pair above 13 bits, or a text whose length does not fit the byte count it starts with.
 */
export function decodeBinaryText(text: string): Uint8Array {
  if (text.length < LENGTH_CHARS) throw new Error('binary text: too short to hold its length');
  let n = 0;
  for (let k = LENGTH_CHARS - 1; k >= 0; k--) n = n * BASE + valueAt(text, k);
  if (text.length !== binaryTextLength(n)) throw new Error(`binary text: ${text.length} characters for ${n} bytes (cut short or run on)`);
  const out = new Uint8Array(n);
  let acc = 0;
  let bits = 0;
  let o = 0;
  // one pass with no call per character (start-up runs this cold); a bad character or pair is looked up after
  let bad = 0;
  const last = text.length - 1;
  for (let i = LENGTH_CHARS; i < last; i += 2) {
    const ca = text.charCodeAt(i);
    const cb = text.charCodeAt(i + 1);
    const a = ca < 128 ? VALUE[ca] : -1;
    const b = cb < 128 ? VALUE[cb] : -1;
    const v = a + b * BASE;
    bad |= a | b | (8191 - v);
    acc |= v << bits;
    bits += 13;
    out[o++] = acc & 255;
    acc >>>= 8;
    bits -= 8;
    if (bits >= 8) {
      out[o++] = acc & 255;
      acc >>>= 8;
      bits -= 8;
    }
  }
  if (bad < 0) throw new Error(firstFault(text));
  return out;
}

/** A character's value, or a thrown Error naming it. */
function valueAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  const v = c < 128 ? VALUE[c] : -1;
  if (v < 0) throw new Error(`binary text: character ${i} (${JSON.stringify(text[i])}) is not in the alphabet`);
  return v;
}

/** What is wrong with a text decodeBinaryText found a fault in: the first bad character or pair. */
function firstFault(text: string): string {
  for (let i = LENGTH_CHARS; i < text.length; i += 2) {
    const v = valueAt(text, i) + valueAt(text, i + 1) * BASE;
    if (v > 8191) return `binary text: characters ${i}–${i + 1} hold no 13-bit value`;
  }
  return 'binary text: unreadable';
}

// The glossary the extension ships for matching: bytes as text (binary-text.ts), the deflated payload
// (shipped-glossary.ts, build and run time), and what an unreadable one does in the background (head-index.ts,
// loadHeadIndex): a clear error, never a throw.
import { join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { compileGlossary } from '@/glossary/build/compile';
import { deflateShippedGlossary } from '@/glossary/build/shipped-glossary';
import { binaryTextLength, decodeBinaryText, encodeBinaryText } from '@/glossary/runtime/binary-text';
import { compileMatcher, packIndex, type MatcherEntry } from '@/glossary/runtime/matcher';
import { loadHeadIndex } from '@/glossary/runtime/head-index';
import { SHIPPED_FORMAT, ShippedGlossaryError, inflateShippedGlossary, readShippedPayload } from '@/glossary/runtime/shipped-glossary';
import { seededRandom } from '../bench/synthetic-glossary';

const ROOT = resolve(import.meta.dirname, '../..');

describe('binary text', () => {
  const rnd = seededRandom(7);
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(rnd() * 256));

  it('round-trips every length from 0 to 64 bytes and a long run', () => {
    for (const n of [...Array.from({ length: 65 }, (_, i) => i), 30_000]) {
      const b = bytes(n);
      const text = encodeBinaryText(b);
      expect(text.length).toBe(binaryTextLength(n));
      expect(decodeBinaryText(text)).toEqual(b);
    }
    expect(decodeBinaryText(encodeBinaryText(new Uint8Array(300).fill(255)))).toEqual(new Uint8Array(300).fill(255));
  });

  it('is printable ASCII that a string literal holds as written, about 23% over the bytes', () => {
    const text = encodeBinaryText(bytes(20_000));
    expect(text).toMatch(/^[\x20-\x7e]*$/);
    expect(text).not.toMatch(/["'\\<]/);
    expect(JSON.stringify(text)).toBe(`"${text}"`);
    expect(text.length / 20_000).toBeLessThan(1.235);
  });

  it('says what is wrong with a damaged text', () => {
    const text = encodeBinaryText(bytes(100));
    expect(() => decodeBinaryText(`${text.slice(0, 50)}"${text.slice(51)}`)).toThrow(/character 50 \("\\""\) is not in the alphabet/);
    expect(() => decodeBinaryText(`${text.slice(0, 50)}é${text.slice(51)}`)).toThrow(/character 50 .* is not in the alphabet/);
    expect(() => decodeBinaryText(text.slice(0, -2))).toThrow(/cut short or run on/);
    expect(() => decodeBinaryText(`${text}ab`)).toThrow(/cut short or run on/);
    expect(() => decodeBinaryText('ab')).toThrow(/too short/);
    // "~~" is 90 + 90 × 91 = 8280: no 13-bit value
    expect(() => decodeBinaryText(`${text.slice(0, 3)}~~${text.slice(5)}`)).toThrow(/characters 3–4 hold no 13-bit value/);
  });
});

const entries: MatcherEntry[] = [
  ['writ of mandamus', 'writ-of-mandamus', 0], ['mandamus', 'writ-of-mandamus', 0], ['ICE', 'ice', 1],
  ['Whren', 'whren', 1], ['Tribunal Supremo de los Estados Unidos', 'supreme-court', 0], ['I-485', 'form-i-485', 1],
];
const categories = { 'writ-of-mandamus': 'delays', ice: 'institutions', whren: 'profiling', 'supreme-court': 'court', 'form-i-485': 'status' } as const;
const index = packIndex(entries, [['Immigration and Naturalization Service', 0]]);
const shipped = deflateShippedGlossary(index, categories);
/** One character near the middle changed: the high part of a pair (an even offset), so it stays 13 bits. */
const middle = 4 + 2 * Math.floor((shipped.length - 6) / 4);
const changed = `${shipped.slice(0, middle)}${shipped[middle] === ' ' ? '!' : ' '}${shipped.slice(middle + 1)}`;

describe('shipped glossary', () => {
  it('round-trips the index, its ids and their categories', async () => {
    const back = await inflateShippedGlossary(shipped);
    expect(back.index).toEqual(index);
    expect(back.categories).toEqual(categories);
    expect(Object.keys(back.categories)).toEqual(index.ids);
    const heads = await loadHeadIndex(shipped);
    expect(Object.keys(heads!.lookup(['ice', 'writ of mandamus', 'form i 485', 'tribunal supremo de']).heads).sort()).toEqual(['form i 485', 'ice', 'tribunal supremo de', 'writ of mandamus']);
    expect(heads!.lookup(['whren']).categories.whren).toBe('profiling');
  });

  it('round-trips the real glossary at about a third of the plain index', { timeout: 60_000 }, async () => {
    const glossary = compileGlossary(join(ROOT, 'glossary'));
    const cats = Object.fromEntries(glossary.matcherIndex.ids.map((id) => [id, glossary.cards[id].category]));
    const text = deflateShippedGlossary(glossary.matcherIndex, cats);
    const back = await inflateShippedGlossary(text);
    expect(back.index).toEqual(glossary.matcherIndex);
    expect(back.categories).toEqual(cats);
    const plain = Buffer.byteLength(glossary.matcherIndex.lines) + Buffer.byteLength(glossary.matcherIndex.ids.join(' '));
    expect(text.length / plain).toBeLessThan(0.5);
    // what the matcher finds does not change on the way
    const sample = 'ICE agents and USCIS officers; a writ of mandamus; la Oficina de Detención y Deportación; 8 U.S.C. § 1357(g)(1)';
    expect(compileMatcher(back.index).find(sample)).toEqual(compileMatcher(glossary.matcherIndex).find(sample));
  });

  it('refuses a term without a category when it is built', () => {
    expect(() => deflateShippedGlossary(index, { ...categories, ice: undefined } as never)).toThrow(/term ice has no category/);
  });

  /** A valid text with its payload replaced. */
  const withPayload = (payload: string | Uint8Array) => encodeBinaryText(deflateSync(typeof payload === 'string' ? Buffer.from(payload) : payload));

  it.each([
    ['a changed character (the zlib checksum)', changed, /unreadable: it does not inflate/],
    ['a text cut short', shipped.slice(0, -10), /unreadable: binary text: .* \(cut short or run on\)/],
    ['a character outside the alphabet', `${shipped.slice(0, 9)}\\${shipped.slice(10)}`, /unreadable: binary text: character 9/],
    ['bytes that are not deflated', encodeBinaryText(new TextEncoder().encode('not deflated at all')), /unreadable: it does not inflate/],
    ['a payload of another format', withPayload(`legal-lens-glossary/0\nice\n0\nd\0\0`), /unreadable: unknown format "legal-lens-glossary\/0"/],
    ['a payload that is not UTF-8', withPayload(Uint8Array.of(0xff, 0xfe, 0x0a)), /unreadable: it is not UTF-8 text/],
    ['a payload with a category missing', withPayload(`${SHIPPED_FORMAT}\nice whren\n0\nd\0\0\0`), /2 term ids but 1 categories/],
    ['a payload with an unknown category', withPayload(`${SHIPPED_FORMAT}\nice\n9\nd\0\0`), /term ice has an unknown category "9"/],
    ['a payload in two parts', withPayload(`${SHIPPED_FORMAT}\nice`), /fewer than four parts/],
  ])('rejects %s with a clear error', async (_, text, message) => {
    const error = await inflateShippedGlossary(text).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ShippedGlossaryError);
    expect((error as Error).message).toMatch(message);
  });

  it.each([
    ['an unreadable text', changed, /does not inflate/],
    ['an index the matcher cannot read', withPayload(`${SHIPPED_FORMAT}\nice\n0\nd\x01ice\x09x\0\0`), /line 2 shares 8 characters/],
    ['a text of another type', 42 as unknown as string, /unreadable/],
  ])('loads %s as null and reports it once, never throwing', async (_, text, message) => {
    const report = vi.fn();
    await expect(loadHeadIndex(text, report)).resolves.toBeNull();
    expect(report).toHaveBeenCalledTimes(1);
    expect(report.mock.calls[0][0]).toBeInstanceOf(ShippedGlossaryError);
    expect(report.mock.calls[0][0].message).toMatch(message);
  });

  it('reports on the console by default and survives a report that throws', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(loadHeadIndex('')).resolves.toBeNull();
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/^Legal Lens: highlighting is off: the shipped glossary is unreadable: binary text: too short/));
    await expect(loadHeadIndex('', () => { throw new Error('no console'); })).resolves.toBeNull();
    await expect(loadHeadIndex(withPayload(`${SHIPPED_FORMAT}\nice\n0\nd\x01ice\x09x\0\0`), () => { throw new Error('no console'); })).resolves.toBeNull();
  });

  it('reads the payload it writes', () => {
    expect(readShippedPayload(`${SHIPPED_FORMAT}\na b\n07\nd\0\0\0`)).toEqual({ index: { ids: ['a', 'b'], lines: 'd\0\0\0' }, categories: { a: 'institutions', b: 'help' } });
  });
});

// The content script's size as the glossary grows (issue 9.4): it carries no glossary (the background sends a
// page the parts it needs: glossary/runtime/head-index.ts), so built against a synthetic glossary three times
// today's (tests/bench/synthetic-glossary.ts, the Vite plugin reading LEGAL_LENS_GLOSSARY) content.js weighs
// what it weighs with the real one, within 100 kB. Only the content script is built.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { buildLegalLens, writtenAliases } from '../bench/extensions.ts';
import { writeSyntheticGlossary } from '../bench/synthetic-glossary.ts';
import { ROOT } from './harness.ts';

/** The aliases the glossary had when the content script's budget was set (issue 9). */
const ALIASES_THEN = 748;
const BUDGET = 100_000;
const FACTOR = 3;

describe('content script size at scale', () => {
  it(`stays within ${BUDGET} bytes, and the same, with ${FACTOR} times today's aliases (and at least ${FACTOR} × ${ALIASES_THEN})`, async () => {
    const real = join(ROOT, 'glossary');
    const scratch = mkdtempSync(join(tmpdir(), 'legal-lens-size-'));
    const outs: string[] = [];
    const contentBytes = async (glossary: string) => {
      const out = await buildLegalLens(glossary, { entrypoints: ['content'] });
      outs.push(out);
      return statSync(join(out, 'content-scripts/content.js')).size;
    };
    try {
      const glossary = join(scratch, 'glossary');
      writeSyntheticGlossary(real, glossary, FACTOR);
      const aliases = writtenAliases(glossary).length;
      assert.ok(aliases >= FACTOR * Math.max(ALIASES_THEN, 0.95 * writtenAliases(real).length), `the synthetic glossary has only ${aliases} aliases`);
      const grown = await contentBytes(glossary);
      assert.ok(grown <= BUDGET, `content.js is ${grown} bytes with ${aliases} aliases (${FACTOR}× the glossary)`);
      const today = await contentBytes(real);
      assert.ok(Math.abs(grown - today) <= 200, `content.js is ${today} bytes with the real glossary and ${grown} bytes at ${FACTOR}×: it grows with the glossary`);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
      for (const out of outs) rmSync(dirname(out), { recursive: true, force: true });
    }
  });
});

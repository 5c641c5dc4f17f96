// The content script's size as the glossary grows (issue 9.4): neither its first pass (first-pass.js, in the top
// frame and every frame that can show a word) nor the highlighter the background injects where there are terms (highlighter.js) carries the glossary
// (the background sends a page the parts it needs: glossary/runtime/head-index.ts), so built against a synthetic
// glossary three times today's (tests/bench/synthetic-glossary.ts, the Vite plugin reading LEGAL_LENS_GLOSSARY)
// each weighs what it weighs with the real one, within 100 kB; the first pass, which nearly every page
// evaluates (issue 13), within 20 kB. Only those two scripts are built.
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
const FIRST_PASS_BUDGET = 20_000;
const FACTOR = 3;
const SCRIPTS = ['first-pass.js', 'highlighter.js'];

describe('content script size at scale', () => {
  it(`stays within ${BUDGET} bytes, and the same, with ${FACTOR} times today's aliases (and at least ${FACTOR} × ${ALIASES_THEN})`, async () => {
    const real = join(ROOT, 'glossary');
    const scratch = mkdtempSync(join(tmpdir(), 'legal-lens-size-'));
    const outs: string[] = [];
    const sizes = async (glossary: string) => {
      const out = await buildLegalLens(glossary, { entrypoints: ['first-pass', 'content', 'highlighter'] });
      outs.push(out);
      return SCRIPTS.map((file) => statSync(join(out, file)).size);
    };
    try {
      const glossary = join(scratch, 'glossary');
      writeSyntheticGlossary(real, glossary, FACTOR);
      const aliases = writtenAliases(glossary).length;
      assert.ok(aliases >= FACTOR * Math.max(ALIASES_THEN, 0.95 * writtenAliases(real).length), `the synthetic glossary has only ${aliases} aliases`);
      const grown = await sizes(glossary);
      const today = await sizes(real);
      SCRIPTS.forEach((file, i) => {
        assert.ok(grown[i] <= BUDGET, `${file} is ${grown[i]} bytes with ${aliases} aliases (${FACTOR}× the glossary)`);
        assert.ok(Math.abs(grown[i] - today[i]) <= 200, `${file} is ${today[i]} bytes with the real glossary and ${grown[i]} bytes at ${FACTOR}×: it grows with the glossary`);
      });
      assert.ok(grown[0] <= FIRST_PASS_BUDGET, `the first pass (first-pass.js) is ${grown[0]} bytes`);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
      for (const out of outs) rmSync(dirname(out), { recursive: true, force: true });
    }
  });
});

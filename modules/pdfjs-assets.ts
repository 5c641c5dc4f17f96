// WXT module (loaded from modules/ by WXT itself): copies what the PDF reader's pdf.js loads at run time into the
// build under /pdfjs/ — the worker, the standard fonts, the character maps (CMaps), the WebAssembly image decoders
// and the ICC profile — straight from node_modules/pdfjs-dist, so the reader never fetches any of them from the
// network and nothing of pdf.js is committed. The paths are listed in PDFJS_ASSET_DIRS and PDFJS_WORKER, which
// entrypoints/pdf/pdfjs-assets.ts mirrors for the URLs.
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineWxtModule } from 'wxt/modules';

/** Folders of pdfjs-dist copied whole (licence files included). */
export const PDFJS_ASSET_DIRS = ['standard_fonts', 'cmaps', 'wasm', 'iccs'] as const;
/** The worker script, copied to /pdfjs/pdf.worker.min.mjs. */
export const PDFJS_WORKER = 'build/pdf.worker.min.mjs';

export default defineWxtModule({
  name: 'pdfjs-assets',
  setup(wxt) {
    const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    wxt.hook('build:publicAssets', (_wxt, files) => {
      files.push({ absoluteSrc: join(root, PDFJS_WORKER), relativeDest: 'pdfjs/pdf.worker.min.mjs' });
      files.push({ absoluteSrc: join(root, 'LICENSE'), relativeDest: 'pdfjs/LICENSE' });
      for (const dir of PDFJS_ASSET_DIRS) {
        for (const name of readdirSync(join(root, dir))) {
          files.push({ absoluteSrc: join(root, dir, name), relativeDest: `pdfjs/${dir}/${name}` });
        }
      }
    });
  },
});

// `npm run glossary:check [-- files…]`: every problem the build would fail on, plus each summary's readability,
// so writers see everything at once instead of one build failure at a time. LEGAL_LENS_GLOSSARY names another
// glossary folder (as for the Vite plugin).
import { join, resolve } from 'node:path';
import { checkReport } from './check-report.ts';
import { compileGlossary } from './compile.ts';

const root = resolve(process.env.LEGAL_LENS_GLOSSARY ?? join(import.meta.dirname, '..'));
const report = checkReport(compileGlossary(root, root), process.argv.slice(2));
console.log(report.lines.join('\n'));
process.exitCode = report.problems ? 1 : 0;

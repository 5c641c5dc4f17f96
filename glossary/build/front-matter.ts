// Reading YAML for the glossary: the front matter of a Markdown file, or a whole YAML file (the termbase).
// A YAML error becomes one readable sentence with the line and column in the file the writer has open.
import { LineCounter, YAMLParseError, isNode, parseDocument, parse as parseYaml } from 'yaml';

export type YamlResult = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * Splits `---\n<yaml>\n---\n<body>`. `yamlLine` is the file line on which the YAML starts (2: after the
 * opening `---`). Returns null when the file does not start with a front-matter block.
 */
export function splitFrontMatter(source: string): { yaml: string; body: string; yamlLine: number } | null {
  const m = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)([\s\S]*)$/.exec(source);
  return m ? { yaml: m[1], body: m[2], yamlLine: 2 } : null;
}

/**
 * Parses YAML; on failure says what is wrong and where, as
 * `is not valid YAML at line 3, column 8: nested mappings are not allowed in compact mappings`,
 * where the line counts from the top of the file (`firstLine` is the file line of the YAML's first line).
 */
export function parseYamlText(yaml: string, firstLine = 1): YamlResult {
  try {
    return { ok: true, value: parseYaml(yaml, { uniqueKeys: true }) };
  } catch (e) {
    return { ok: false, message: describeYamlError(e, firstLine) };
  }
}

function describeYamlError(e: unknown, firstLine: number): string {
  if (!(e instanceof YAMLParseError)) return `is not valid YAML: ${(e as Error).message.split('\n')[0]}`;
  // the library's message is "<what> at line L, column C:\n\n<excerpt>": keep only what, with our own position
  const what = e.message.split('\n')[0].replace(/\s+at line \d+, column \d+:?\s*$/, '').replace(/[:\s]+$/, '');
  const sentence = what.charAt(0).toLowerCase() + what.slice(1);
  const pos = e.linePos?.[0];
  if (!pos) return `is not valid YAML: ${sentence}`;
  return `is not valid YAML at line ${pos.line + firstLine - 1}, column ${pos.col}: ${sentence}`;
}

export type YamlDocResult =
  | { ok: true; value: unknown; lineOf: (path: (string | number)[]) => number | null }
  | { ok: false; message: string };

/**
 * Like parseYamlText, and also tells on which file line the value at a path (`[12, 'forbidden', 0]`) starts;
 * for a path that does not exist, the line of its nearest existing parent.
 */
export function parseYamlWithLines(yaml: string, firstLine = 1): YamlDocResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter, uniqueKeys: true });
  if (doc.errors.length) return { ok: false, message: describeYamlError(doc.errors[0], firstLine) };
  const lineOf = (path: (string | number)[]) => {
    for (let n = path.length; n >= 0; n--) {
      const node = n ? doc.getIn(path.slice(0, n), true) : doc.contents;
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line + firstLine - 1;
    }
    return null;
  };
  return { ok: true, value: doc.toJS(), lineOf };
}

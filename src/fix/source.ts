import { isDeepStrictEqual } from 'node:util';
import * as YAML from 'yaml';
import { describeProblem, FixProblem } from './problem';

/**
 * A description file as the fixer sees it: the exact text (every edit is a splice of it), the `yaml` library's
 * document model of that text (node ranges tell where to splice), and the layout habits new text must follow.
 * JSON is parsed by the same model (JSON is YAML 1.2 flow syntax), after `JSON.parse` has confirmed it is JSON.
 */
export interface SourceFile {
  /** Absolute path, symlinks resolved: the file that is read and written. */
  path: string;
  text: string;
  format: 'yaml' | 'json';
  document: YAML.Document.Parsed;
  /** The plain data of the text: what a repaired text must equal, apart from the intended changes. */
  data: unknown;
  style: TextStyle;
  /** Anchors that some alias repeats: editing below one would change every place that repeats it. */
  aliasedAnchors: ReadonlySet<string>;
}

/** How the file writes things, so that inserted text looks like its neighbours. */
export interface TextStyle {
  eol: '\n' | '\r\n';
  /** One level of indentation: spaces or a tab (JSON), spaces (YAML). Empty for one-line JSON. */
  indentUnit: string;
  /** YAML: whether block sequences are indented below their key. */
  indentSeq: boolean;
  /** YAML: whether the file quotes with single quotes more than with double quotes. */
  singleQuote: boolean;
}

/** A text the fixer will not edit (or a repaired text it will not write) because it does not parse as it must. */
export class ParseFailure extends Error {
  constructor(readonly problem: FixProblem) {
    super(describeProblem(problem));
  }
}

/** At most this many aliases are expanded when turning YAML into data (a guard against alias bombs). */
const MAX_ALIAS_COUNT = 10_000;

export function parseSource(path: string, text: string): SourceFile {
  const json = looksLikeJson(path, text);
  let jsonData: unknown;
  if (json) {
    try {
      jsonData = JSON.parse(text);
    } catch (error) {
      throw new ParseFailure({ file: path, reason: `is not valid JSON: ${(error as Error).message}` });
    }
  }
  const document = parseYamlText(path, text);
  const data = dataOf(path, document);
  // The model of a JSON text must say what JSON.parse says, or edits guided by it could not be trusted.
  if (json && !isDeepStrictEqual(data, jsonData)) {
    throw new ParseFailure({
      file: path,
      reason: 'this JSON cannot be edited safely (its YAML reading differs from its JSON reading)',
    });
  }
  return {
    path,
    text,
    format: json ? 'json' : 'yaml',
    document,
    data,
    style: styleOf(text, document, json),
    aliasedAnchors: aliasedAnchorsOf(document),
  };
}

/** Parses a text exactly as `parseSource` would check it, for verifying a repaired text. */
export function dataOfText(path: string, text: string, format: 'yaml' | 'json'): unknown {
  if (format === 'json') {
    try {
      return JSON.parse(text);
    } catch (error) {
      const reason = `the repaired text is not valid JSON: ${(error as Error).message}`;
      throw new ParseFailure({ file: path, reason });
    }
  }
  return dataOf(path, parseYamlText(path, text));
}

function looksLikeJson(path: string, text: string): boolean {
  if (path.toLowerCase().endsWith('.json')) return true;
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (!start.startsWith('{')) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function parseYamlText(path: string, text: string): YAML.Document.Parsed {
  const documents = YAML.parseAllDocuments(text, { keepSourceTokens: false, uniqueKeys: true });
  if (!Array.isArray(documents)) throw new ParseFailure({ file: path, reason: 'holds no document' });
  if (documents.length !== 1) {
    throw new ParseFailure({ file: path, reason: `holds ${documents.length} YAML documents; a description is one` });
  }
  const [document] = documents;
  const error = document.errors[0];
  if (error !== undefined) {
    const where = error.linePos?.[0];
    throw new ParseFailure({ file: path, line: where?.line, column: where?.col, reason: error.message.split('\n')[0] });
  }
  return document;
}

function dataOf(path: string, document: YAML.Document.Parsed): unknown {
  try {
    return document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    throw new ParseFailure({ file: path, reason: (error as Error).message });
  }
}

function styleOf(text: string, document: YAML.Document.Parsed, json: boolean): TextStyle {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return json
    ? { eol, indentUnit: jsonIndentUnit(text), indentSeq: true, singleQuote: false }
    : { eol, ...yamlHabits(text, document) };
}

/** The whitespace before the first member of a multi-line JSON root: one level of indentation. */
function jsonIndentUnit(text: string): string {
  const match = /^[{[][ \t]*\r?\n([ \t]+)\S/.exec(text.replace(/^\uFEFF/, '').trimStart());
  return match === null ? '' : match[1];
}

function yamlHabits(text: string, document: YAML.Document.Parsed): Omit<TextStyle, 'eol'> {
  let indentUnit: number | undefined;
  let indentSeq: boolean | undefined;
  let singles = 0;
  let doubles = 0;
  const columnOf = (offset: number) => offset - (text.lastIndexOf('\n', offset - 1) + 1);
  YAML.visit(document, {
    Pair(_key, pair) {
      const key = pair.key;
      const value = pair.value;
      if (!YAML.isScalar(key) || key.range === undefined || key.range === null) return;
      if (YAML.isMap(value) && !value.flow && value.items.length > 0 && indentUnit === undefined) {
        const first = value.items[0].key;
        if (YAML.isNode(first) && first.range) {
          const unit = columnOf(first.range[0]) - columnOf(key.range[0]);
          if (unit > 0) indentUnit = unit;
        }
      }
      if (YAML.isSeq(value) && !value.flow && value.range && indentSeq === undefined) {
        indentSeq = columnOf(value.range[0]) > columnOf(key.range[0]);
      }
    },
    Scalar(_key, scalar) {
      if (scalar.type === 'QUOTE_SINGLE') singles++;
      if (scalar.type === 'QUOTE_DOUBLE') doubles++;
    },
  });
  return {
    indentUnit: ' '.repeat(indentUnit ?? 2),
    indentSeq: indentSeq ?? true,
    singleQuote: singles > doubles,
  };
}

function aliasedAnchorsOf(document: YAML.Document.Parsed): Set<string> {
  const anchors = new Set<string>();
  YAML.visit(document, {
    Alias(_key, alias) {
      anchors.add(alias.source);
    },
  });
  return anchors;
}

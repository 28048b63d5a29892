import { Document } from '@stoplight/spectral-core';
import type { IDocument } from '@stoplight/spectral-core/dist/document';
import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { Json, Yaml } from '@stoplight/spectral-parsers';
import { CheckedText, isJsonFile, readCheckedText, TextProblem } from './document-text';
import type { InputProblem } from './input-problem';
import { DEFAULT_MAX_FILE_MEGABYTES, describeError } from './names';

export interface ReadLimits {
  /** Larger files are refused before they are read (`--max-file-size`). */
  maxFileMegabytes: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { maxFileMegabytes: DEFAULT_MAX_FILE_MEGABYTES };

export type ReadDocument =
  /** `lintable` is false when the document cannot be linted meaningfully (not OpenAPI 2.0/3.0/3.1). */
  | { document: IDocument; lintable: boolean; problems: InputProblem[] }
  | { document?: undefined; lintable: false; problems: InputProblem[] };

/**
 * Reads and parses one file the way Spectral would (JSON files with the JSON parser, for exact JSON error places),
 * and says what keeps it from being linted: unreadable, too large, not UTF-8, a YAML alias bomb, nested deeper than
 * the parser goes, syntax errors (with line and column), or not OpenAPI. Never throws.
 */
export function readDocument(file: string, limits: ReadLimits = DEFAULT_READ_LIMITS): ReadDocument {
  const refused = (problem: TextProblem): ReadDocument => ({ lintable: false, problems: [{ file, ...problem }] });
  let checked: CheckedText;
  try {
    checked = readCheckedText(file, limits.maxFileMegabytes);
  } catch (error) {
    return refused({ message: `cannot read the file (${reasonOf(error)})` });
  }
  if (checked.problem !== undefined) return refused(checked.problem);
  const { text } = checked;
  const isJson = isJsonFile(file);
  let document: IDocument;
  try {
    document = isJson ? new Document(text, Json, file) : new Document(text, Yaml, file);
  } catch (error) {
    // Spectral's parsers recurse once per level of nesting.
    const tooDeep = error instanceof RangeError ? 'it nests deeper than the parser can follow' : 'the parser failed';
    return refused({ message: `cannot be parsed: ${tooDeep} (${describeError(error)})` });
  }
  const problems: InputProblem[] = document.diagnostics
    // Spectral's parsers report hard errors at severity 0 (error); warnings do not stop linting.
    .filter((diagnostic) => diagnostic.severity === 0)
    .map((diagnostic) => ({
      file,
      line: diagnostic.range.start.line + 1,
      column: diagnostic.range.start.character + 1,
      message: `invalid ${isJson ? 'JSON' : 'YAML'}: ${diagnostic.message}`,
    }));
  const notOpenApi = notOpenApiReason(document.data);
  // A syntax error often explains why no version was found: report only the syntax error then.
  if (notOpenApi !== undefined && problems.length === 0) problems.push({ file, message: notOpenApi });
  return { document, lintable: notOpenApi === undefined, problems };
}

/** Why a parsed document is not an OpenAPI 2.0, 3.0 or 3.1 description, or undefined when it is one. */
export function notOpenApiReason(data: unknown): string | undefined {
  if (oas2(data, null) || oas3_0(data, null) || oas3_1(data, null)) return undefined;
  const root =
    typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  const found =
    'openapi' in root
      ? `openapi: ${String(root.openapi)}`
      : 'swagger' in root
        ? `swagger: ${String(root.swagger)}`
        : undefined;
  const expected =
    'not an OpenAPI 2.0, 3.0 or 3.1 description (expected `swagger: "2.0"` or `openapi: 3.0.x`/`3.1.x` at the top level';
  return found === undefined ? `${expected})` : `${expected}, found \`${found}\`)`;
}

/** Why a file could not be read, in a few words (`no such file`), else the error's own message. */
export function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return error instanceof Error ? error.message : String(error);
}

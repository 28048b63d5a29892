import { asObject, isObject, JsonObject } from './json';

export type OpenApiVersion = '2.0' | '3.x';

export function versionOf(root: JsonObject): OpenApiVersion {
  return root.swagger !== undefined ? '2.0' : '3.x';
}

/**
 * Whether `responses` documents status `code`: only the explicit key counts (YAML may write it as a number,
 * which parses to the same key); `4XX` ranges and `default` document no specific code.
 */
export function documentsCode(responses: JsonObject, code: string): boolean {
  return Object.prototype.hasOwnProperty.call(responses, code);
}

/** The success response's key: `200`, else `2XX`, else the first explicit `2xx` code in document order. */
export function successCodeOf(responses: JsonObject): string | undefined {
  const codes = Object.keys(responses);
  if (codes.includes('200')) return '200';
  const range = codes.find((code) => code.toUpperCase() === '2XX');
  if (range !== undefined) return range;
  return codes.find((code) => /^2\d\d$/.test(code));
}

/** Body schemas of a response: 3.x, the `schema` of every media type in `content`; 2.0, its `schema`. */
export function bodySchemasOf(response: unknown, version: OpenApiVersion): unknown[] {
  const definition = asObject(response);
  if (version === '2.0') return definition.schema === undefined ? [] : [definition.schema];
  return Object.values(asObject(definition.content))
    .map((mediaType) => asObject(mediaType).schema)
    .filter((schema) => schema !== undefined);
}

/** A response header by name, compared case-insensitively as HTTP does. */
export function headerNamed(response: unknown, name: string): { key: string; header: JsonObject } | undefined {
  const wanted = name.toLowerCase();
  for (const [key, header] of Object.entries(asObject(asObject(response).headers))) {
    if (key.toLowerCase() === wanted) return { key, header: asObject(header) };
  }
  return undefined;
}

/**
 * The challenge values a header documents: the header's `example`/`examples` (3.x) and its schema's
 * `example`/`examples`/`enum`/`const`/`default`; in 2.0, the header's own `default`/`enum`/`example`/`x-example`.
 */
export function documentedValuesOf(header: JsonObject, version: OpenApiVersion): string[] {
  const sources: unknown[] = [];
  if (version === '2.0') {
    sources.push(header.default, header.enum, header.example, header['x-example']);
  } else {
    sources.push(header.example, exampleValues(header.examples));
    const schemas = [header.schema, ...Object.values(asObject(header.content)).map((m) => asObject(m).schema)];
    for (const schema of schemas.map(asObject)) {
      sources.push(schema.example, schema.examples, schema.enum, schema.const, schema.default);
    }
  }
  return sources.flatMap(stringsIn);
}

/** 3.x `examples` is a map of Example Objects; tolerate plain values and lists too. */
function exampleValues(examples: unknown): unknown[] {
  if (Array.isArray(examples)) return examples;
  return Object.values(asObject(examples)).map((example) => (isObject(example) ? example.value : example));
}

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return [];
}

/** An error response key: an explicit 4xx or 5xx code (`404`), or a range (`4XX`, `5xx`). */
export function isErrorKey(key: string): boolean {
  return /^[45](\d\d|xx)$/i.test(key);
}

/** Where a description keeps responses that operations share: `components.responses`, in 2.0 the root `responses`. */
export function sharedResponsesPlace(version: OpenApiVersion): string {
  return version === '2.0' ? 'the root `responses`' : '`components.responses`';
}

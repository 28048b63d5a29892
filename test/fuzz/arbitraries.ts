/**
 * fast-check arbitraries for OpenAPI-shaped documents (2.0, 3.0, 3.1) in which any slot may hold any JSON value:
 * mostly the shape the rules look for, so that every rule's logic is reached, and often something else entirely
 * (`security: "x"`, `responses: [1]`, `headers: null`, boolean/number/array schemas, `$ref`s that point nowhere,
 * to missing files or into cycles, odd and huge strings).
 */
import fc, { Arbitrary } from 'fast-check';
import { stringify } from 'yaml';
import { SILENCEABLE_RULES } from '../../src/ruleset';
import { FuzzCase, GENERATED_DOCUMENT_AT } from './property';

export type Version = '2.0' | '3.0' | '3.1';

/** Few component names, so that generated `$ref`s often hit a component and components often refer to each other. */
const COMPONENT_NAMES = ['A', 'B', 'C'] as const;

/**
 * Strings that break naive code: prototype keys, pointer escapes, bad percent-encoding, templates, odd code points.
 * Not `hasOwnProperty`: Spectral's own resolver crashes on that key before any rule runs (fixtures/robustness/README.md).
 */
const ODD_STRINGS = [
  '',
  ' ',
  '__proto__',
  'constructor',
  'toString',
  'valueOf',
  '$ref',
  '#',
  '/',
  '~',
  '~0',
  '~1',
  '~2',
  '%',
  '%zz',
  '%E0%A4%A',
  '{',
  '}',
  '{}',
  '{id}',
  '/{a}/{',
  '}{',
  '\u0000',
  '\uFEFF',
  '\uD800',
  '\u202E',
  '💥',
  'null',
  'true',
  '1e999',
  '401',
  '4XX',
  'default',
  'Bearer',
  'WWW-Authenticate',
  'insufficient_scope',
  'x'.repeat(300),
];

/** Words of the description phrase matchers, to build texts that almost match (or match at the very end). */
const PHRASE_WORDS = [
  'missing',
  'invalid',
  'expired',
  'no',
  'token',
  'tokens',
  'credential',
  'credentials',
  'api',
  'key',
  'apikey',
  'permission',
  'forbidden',
  'not',
  'allowed',
  'insufficient',
  'scope',
  'insufficient_scope',
  'authenticated',
  'unauthenticated',
  'authentication',
  'required',
  'is',
  'logged',
  'in',
  'login',
  'privilege',
  'or',
  'access',
  "don't",
];
const WORD_SEPARATORS = [' ', '  ', '\n', '_', '-', ',', "'", ' , ', '\t'];

/** Texts aimed at the phrase matchers: word soup, one word repeated many times, one long word. */
const phraseText: Arbitrary<string> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.array(fc.constantFrom(...PHRASE_WORDS), { maxLength: 30 }), fc.constantFrom(...WORD_SEPARATORS))
      .map(([words, separator]) => words.join(separator)),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom(...PHRASE_WORDS),
        fc.integer({ min: 1, max: 200 }),
        fc.constantFrom(...WORD_SEPARATORS),
        fc.constantFrom('', ' token', ' scope'),
      )
      .map(([word, times, separator, end]) => `${(word + separator).repeat(times)}${end}`),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 2000 }).map((length) => 'a'.repeat(length)) },
);

/**
 * Descriptions for the phrase matchers, now and then a long one (10 to 40 KB of one word, then `token`);
 * `npm run bench:adversarial` measures 200 KB ones, which here would only slow every case down.
 */
export const adversarialText: Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: phraseText },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...PHRASE_WORDS), fc.integer({ min: 1000, max: 4000 }))
      .map(([word, times]) => `${`${word} `.repeat(times)}token`),
  },
);

export const oddString: Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ODD_STRINGS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: phraseText },
);

const primitive: Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 401, 1e308),
  fc.double(), // NaN and ±Infinity too: JSON writes them as null, YAML as .nan and .inf, which parse back as numbers
  oddString,
);

/** Any JSON value, kept small: the wrong type for whatever slot it lands in. */
export const anyJson: Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: primitive },
  { weight: 1, arbitrary: fc.constantFrom([], {}, [1], [null], { $ref: 5 }, { $ref: null }, { $ref: '' }) },
  { weight: 1, arbitrary: fc.array(primitive, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), primitive, { maxKeys: 3 }) },
);

/** Usually `well`, sometimes any JSON value instead, and often null (what YAML makes of a key written without a value). */
function slot<T>(well: Arbitrary<T>): Arbitrary<unknown> {
  return fc.oneof(
    { weight: 8, arbitrary: well },
    { weight: 2, arbitrary: anyJson },
    { weight: 1, arbitrary: fc.constant(null) },
  );
}

/** Optional keys only: each key is present or absent, independently. */
function partial<T extends Record<string, Arbitrary<unknown>>>(model: T) {
  return fc.record(model, { requiredKeys: [] });
}

function dictionary<T>(key: Arbitrary<string>, value: Arbitrary<T>, maxKeys = 3) {
  return fc.dictionary(key, value, { maxKeys });
}

/** Where shared components live in each version; other places a `$ref` may point to. */
function componentPrefix(version: Version, kind: 'schemas' | 'responses' | 'headers'): string {
  if (version !== '2.0') return `#/components/${kind}/`;
  return { schemas: '#/definitions/', responses: '#/responses/', headers: '#/x-headers/' }[kind];
}

const BROKEN_LOCAL_REFS = [
  '#/components/schemas/Missing',
  '#/nowhere',
  '#',
  '#/',
  '',
  '#//',
  '#/paths',
  '#/info/title',
  '#/paths/~1calls',
  '#/paths/~1calls~1{callId}/get',
  '#/paths/~1calls~1%7BcallId%7D/get/responses/401',
  '#/components/schemas/a~1b',
  '#/components/schemas/%zz',
  '#/definitions/~2',
  '#/components/responses/A/headers',
  'no-hash-no-file',
];
/** Relative to GENERATED_DOCUMENT_AT: a real shared file (with its own cycles), missing files, a directory, a non-YAML file. */
const FILE_REFS = [
  './shared/components.yaml#/components/responses/Unauthorized',
  './shared/components.yaml#/components/responses/Forbidden',
  './shared/components.yaml#/components/schemas/Node',
  './shared/components.yaml#/components/headers/WWW-Authenticate',
  './shared/components.yaml#/nowhere',
  './shared/components.yaml',
  './shared/back-reference.yaml#/components/schemas/Back',
  './shared/not-yaml.txt#/x',
  './shared/',
  './missing.yaml',
  'missing.json#/components/responses/A',
  '../robustness/missing/deeper.yaml#/x',
];

function refTo(version: Version, kind: 'schemas' | 'responses' | 'headers'): Arbitrary<{ $ref: string }> {
  const target = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...COMPONENT_NAMES).map((name) => componentPrefix(version, kind) + name) },
    { weight: 2, arbitrary: fc.constantFrom(...BROKEN_LOCAL_REFS) },
    { weight: 2, arbitrary: fc.constantFrom(...FILE_REFS) },
  );
  return target.map(($ref) => ({ $ref }));
}

const propertyName = fc.oneof(
  fc.constantFrom(
    'id',
    'items',
    'data',
    'calls',
    'value',
    'missing_scopes',
    'requiredPermissions',
    'scope',
    'error',
    'nested',
  ),
  oddString,
);

function schemaOf(version: Version): Arbitrary<unknown> {
  const { schema } = fc.letrec<{ schema: unknown; object: unknown }>((tie) => ({
    schema: fc.oneof(
      { maxDepth: 3, depthIdentifier: 'schema', depthSize: 'small' },
      { weight: 1, arbitrary: anyJson },
      { weight: 2, arbitrary: refTo(version, 'schemas') },
      { weight: 4, arbitrary: tie('object') },
    ),
    object: partial({
      type: slot(fc.constantFrom('object', 'array', 'string', 'integer', ['array', 'null'], ['object'], [])),
      properties: slot(dictionary(propertyName, tie('schema'))),
      items: slot(tie('schema')),
      allOf: slot(fc.array(tie('schema'), { maxLength: 2 })),
      oneOf: slot(fc.array(tie('schema'), { maxLength: 2 })),
      anyOf: slot(fc.array(tie('schema'), { maxLength: 2 })),
      example: anyJson,
      enum: slot(fc.array(fc.oneof(challenge, anyJson), { maxLength: 3 })),
      const: anyJson,
      default: anyJson,
    }),
  }));
  return schema;
}

const challenge = fc.oneof(
  fc.constantFrom(
    'Bearer realm="api"',
    'Basic',
    'bearer error="insufficient_scope"',
    'Negotiate',
    'DPoP algs="ES256"',
    '',
    ' ',
    ',',
  ),
  oddString,
);

const headerName = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('WWW-Authenticate', 'www-authenticate', 'WWW-AUTHENTICATE', 'X-Request-Id') },
  { weight: 1, arbitrary: oddString },
);

function headerOf(version: Version): Arbitrary<unknown> {
  const schema = schemaOf(version);
  const header = partial({
    description: fc.oneof(challenge, adversarialText),
    schema: slot(schema),
    example: slot(challenge),
    examples: slot(fc.oneof(dictionary(fc.string(), slot(partial({ value: slot(challenge) }))), fc.array(challenge))),
    content: slot(dictionary(fc.constantFrom('text/plain', 'x'), slot(partial({ schema: slot(schema) })))),
    type: slot(fc.constant('string')),
    default: slot(challenge),
    enum: slot(fc.array(slot(challenge), { maxLength: 3 })),
    'x-example': slot(challenge),
  });
  return fc.oneof(
    { weight: 4, arbitrary: header },
    { weight: 1, arbitrary: refTo(version, 'headers') },
    { weight: 1, arbitrary: anyJson },
  );
}

function responseOf(version: Version): Arbitrary<unknown> {
  const schema = schemaOf(version);
  const response = partial({
    description: fc.oneof(
      fc.constantFrom('Forbidden', 'Missing or invalid access token', 'You lack permission'),
      adversarialText,
      anyJson,
    ),
    headers: slot(dictionary(headerName, headerOf(version), 2)),
    content: slot(
      dictionary(fc.constantFrom('application/json', 'text/plain', '*/*'), slot(partial({ schema: slot(schema) })), 2),
    ),
    schema: slot(schema),
  });
  return fc.oneof(
    { weight: 8, arbitrary: response },
    { weight: 2, arbitrary: refTo(version, 'responses') },
    { weight: 1, arbitrary: anyJson },
    { weight: 1, arbitrary: fc.constant(null) },
  );
}

/** A body that makes a `get` a collection listing: an array, or an envelope (`items`, `data`, ...) holding one. */
function listingSchemaOf(version: Version): Arbitrary<unknown> {
  return fc.oneof(
    fc.record({ type: fc.constant('array'), items: schemaOf(version) }),
    fc
      .tuple(fc.constantFrom('items', 'data', 'Calls', 'results', 'value'), slot(fc.constant({ type: 'array' })))
      .map(([name, property]) => ({ type: 'object', properties: { [name]: property } })),
    fc.record({
      allOf: fc.tuple(fc.constant({ type: 'object' }), fc.constant({ properties: { data: { type: 'array' } } })),
    }),
  );
}

/**
 * Responses aimed at the rules that need several things at once: a listing's 200 next to a 404, a 401 whose
 * WWW-Authenticate header documents challenge values, 401 and 403 descriptions that mix the two up; other codes besides.
 */
function aimedResponsesOf(version: Version): Arbitrary<unknown> {
  const listing = listingSchemaOf(version);
  const challengeHeader = partial({
    schema: slot(
      partial({ type: fc.constant('string'), example: challenge, enum: fc.array(challenge, { maxLength: 2 }) }),
    ),
    example: challenge,
    default: challenge,
    'x-example': challenge,
  });
  return fc
    .tuple(
      partial({
        '200': fc.record({
          description: fc.constant('ok'),
          content: fc.record({ 'application/json': fc.record({ schema: listing }) }),
          schema: listing,
        }),
        '401': fc.oneof(
          partial({
            description: fc.oneof(
              fc.constantFrom('You do not have permission', 'Forbidden: insufficient_scope'),
              adversarialText,
            ),
            headers: fc.record({ 'WWW-Authenticate': challengeHeader }),
          }),
          // The plain 401 that lacks its challenge, so that auth-401-www-authenticate is reached often enough.
          fc.constant({ description: 'The access token is missing or invalid' }),
        ),
        '403': partial({
          description: fc.oneof(
            fc.constantFrom('Missing or invalid access token', 'Not authenticated', 'Login required'),
            adversarialText,
          ),
          content: slot(fc.record({ 'application/json': partial({ schema: schemaOf(version) }) })),
        }),
        '404': responseOf(version),
      }),
      dictionary(statusCode, responseOf(version), 2),
    )
    .map(([aimed, others]) => ({ ...others, ...aimed }));
}

const statusCode = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('200', '201', '204', '2XX', '2xx', '401', '403', '404', '4XX', 'default') },
  { weight: 1, arbitrary: oddString },
);

const schemeName = fc.constantFrom(
  'bearer',
  'basic',
  'oauth',
  'oidc',
  'key',
  'mtls',
  'undefinedScheme',
  '__proto__',
  'constructor',
  '',
);

const securityRequirements = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      [{ bearer: [] }],
      [{ oauth: ['calls:read'] }],
      [{ basic: [] }, { oidc: ['admin'] }],
      [{ key: [] }],
    ),
  },
  {
    weight: 3,
    arbitrary: slot(
      fc.array(
        slot(
          dictionary(schemeName, slot(fc.array(slot(fc.constantFrom('calls:read', 'admin', '')), { maxLength: 3 })), 3),
        ),
        { maxLength: 3 },
      ),
    ),
  },
);

/** The schemes the requirements above name, defined as usual, so that operations are often secured and scoped. */
function usualSchemesOf(version: Version): Record<string, unknown> {
  return {
    bearer:
      version === '2.0' ? { type: 'apiKey', in: 'header', name: 'Authorization' } : { type: 'http', scheme: 'bearer' },
    basic: version === '2.0' ? { type: 'basic' } : { type: 'http', scheme: 'basic' },
    oauth: { type: 'oauth2', flows: {} },
    oidc: { type: 'openIdConnect', openIdConnectUrl: 'https://example.com/.well-known/openid-configuration' },
    key: { type: 'apiKey', in: 'header', name: 'X-Key' },
    mtls: { type: 'mutualTLS' },
  };
}

const securityScheme = slot(
  partial({
    type: slot(fc.constantFrom('http', 'oauth2', 'openIdConnect', 'apiKey', 'basic', 'mutualTLS', 'HTTP')),
    scheme: slot(fc.constantFrom('bearer', 'Basic', 'digest', 'DPoP', '', 'some scheme')),
    in: fc.constant('header'),
    name: fc.constant('X-Key'),
  }),
);

const ruleName = fc.constantFrom(
  ...SILENCEABLE_RULES.map((rule) => rule.name),
  'auth-exception-invalid',
  'no-such-rule',
  '__proto__',
);

function operationOf(version: Version): Arbitrary<unknown> {
  const operation = partial({
    security: securityRequirements,
    responses: slot(fc.oneof(dictionary(statusCode, responseOf(version), 4), aimedResponsesOf(version))),
    'x-auth-exceptions': slot(dictionary(ruleName, slot(fc.constantFrom('accepted: the gateway answers', '', ' ')), 2)),
    description: adversarialText,
    callbacks: anyJson,
  });
  return fc.oneof({ weight: 6, arbitrary: operation }, { weight: 1, arbitrary: anyJson });
}

const pathKey = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '/calls',
      '/calls/{callId}',
      '/users/{phoneNumber}/calls',
      '/files/{name}.json',
      '/',
      '/items',
    ),
  },
  { weight: 1, arbitrary: oddString.map((text) => `/${text}`) },
  { weight: 1, arbitrary: oddString },
);

const methodKey = fc.oneof(
  { weight: 3, arbitrary: fc.constant('get') },
  { weight: 6, arbitrary: fc.constantFrom('get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace') },
  { weight: 1, arbitrary: fc.constantFrom('GET', 'parameters', 'summary', '$ref', 'x-other', 'query') },
);

function pathItemOf(version: Version): Arbitrary<unknown> {
  return fc.oneof(
    { weight: 8, arbitrary: dictionary(methodKey, operationOf(version), 2) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('#/paths/~1calls', '#/paths/~1calls~1{callId}', '#/paths', '#/nowhere')
        .map(($ref) => ({ $ref })),
    },
    { weight: 1, arbitrary: anyJson },
  );
}

function components(version: Version) {
  const named = <T>(value: Arbitrary<T>) => slot(dictionary(fc.constantFrom(...COMPONENT_NAMES), value, 3));
  return {
    schemas: named(schemaOf(version)),
    responses: named(responseOf(version)),
    headers: named(headerOf(version)),
    securitySchemes: fc.oneof(fc.constant(usualSchemesOf(version)), slot(dictionary(schemeName, securityScheme, 4))),
  };
}

/** One OpenAPI-shaped document of the given version, as a plain JSON value. */
export function documentOf(version: Version): Arbitrary<Record<string, unknown>> {
  const parts = components(version);
  const common = {
    info: slot(fc.constant({ title: 'fuzzed', version: '1' })),
    paths: slot(dictionary(pathKey, pathItemOf(version), 3)),
    security: securityRequirements,
  };
  if (version === '2.0') {
    return fc.record(
      {
        swagger: fc.oneof(
          { weight: 8, arbitrary: fc.constant('2.0') },
          { weight: 1, arbitrary: fc.constantFrom(2, '2', '2.0.0') },
        ),
        ...common,
        definitions: parts.schemas,
        responses: parts.responses,
        'x-headers': parts.headers,
        securityDefinitions: parts.securitySchemes,
      },
      { requiredKeys: ['swagger', 'paths'] },
    );
  }
  return fc.record(
    {
      openapi: fc.constant(version === '3.0' ? '3.0.3' : '3.1.0'),
      ...common,
      components: slot(fc.record(parts, { requiredKeys: ['securitySchemes'] })),
      webhooks: slot(dictionary(fc.string(), pathItemOf(version), 2)),
    },
    { requiredKeys: ['openapi', 'paths'] },
  );
}

/** YAML may write status codes as numbers (`401:`): turn the quoted digit keys that `yaml` writes back into numbers. */
function withNumericKeys(yamlText: string): string {
  return yamlText.replace(/^(\s*(?:- )?)"(\d+)":/gm, '$1$2:');
}

export function serialized(value: unknown, format: 'json' | 'yaml'): string {
  if (format === 'json') return JSON.stringify(value, null, 1) ?? 'null';
  // `yaml` writes nothing at all for undefined (a mutation may delete the whole document).
  return withNumericKeys(stringify(value, { aliasDuplicateObjects: false, lineWidth: 0 }) ?? '');
}

/** A generated document, serialized as JSON or YAML, ready to lint. */
export const generatedCase: Arbitrary<FuzzCase> = fc
  .tuple(
    fc.constantFrom<Version>('2.0', '3.0', '3.1').chain(documentOf),
    fc.constantFrom<'json' | 'yaml'>('json', 'yaml'),
  )
  .map(([document, format]) => ({
    origin: `generated OpenAPI ${document.swagger !== undefined ? 'swagger' : 'openapi'} document`,
    format,
    at: GENERATED_DOCUMENT_AT[format],
    text: serialized(document, format),
  }));

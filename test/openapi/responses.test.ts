import {
  bodySchemasOf,
  documentedValuesOf,
  documentsCode,
  headerNamed,
  isErrorKey,
  sharedResponsesPlace,
  successCodeOf,
  versionOf,
} from '../../src/openapi/responses';

test('a document with a swagger key is 2.0; any other is read as 3.x', () => {
  expect(versionOf({ swagger: '2.0' })).toBe('2.0');
  expect(versionOf({ openapi: '3.1.0' })).toBe('3.x');
  expect(sharedResponsesPlace('2.0')).toBe('the root `responses`');
  expect(sharedResponsesPlace('3.x')).toBe('`components.responses`');
});

test('only an explicit key documents a code: a range or default does not, nor anything inherited', () => {
  expect(documentsCode({ '404': {} }, '404')).toBe(true);
  expect(documentsCode({ '4XX': {}, default: {} }, '404')).toBe(false);
  expect(documentsCode({}, 'constructor')).toBe(false);
});

describe('successCodeOf', () => {
  // Object keys that are numbers come in ascending order, whatever order the document writes them in.
  test('200 first, then the 2XX range in any case, then the lowest explicit 2xx', () => {
    expect(successCodeOf({ '201': {}, '2XX': {}, '200': {} })).toBe('200');
    expect(successCodeOf({ '201': {}, '2xx': {} })).toBe('2xx');
    expect(successCodeOf({ '404': {}, '204': {}, '201': {} })).toBe('201');
  });

  test('no success response gives none: other codes, longer or shorter numbers, extensions', () => {
    expect(successCodeOf({ '404': {}, '2000': {}, '20': {}, 'x-201': {}, default: {} })).toBeUndefined();
  });
});

test('body schemas: 2.0 reads `schema`, 3.x the schema of every media type that has one', () => {
  expect(bodySchemasOf({ schema: { type: 'object' } }, '2.0')).toEqual([{ type: 'object' }]);
  expect(bodySchemasOf({ content: { 'application/json': { schema: { type: 'object' } } } }, '2.0')).toEqual([]);
  const content = { 'application/json': { schema: { type: 'array' } }, 'text/plain': {}, 'text/csv': { schema: 's' } };
  expect(bodySchemasOf({ content }, '3.x')).toEqual([{ type: 'array' }, 's']);
  expect(bodySchemasOf({ schema: { type: 'object' } }, '3.x')).toEqual([]);
  expect(bodySchemasOf(null, '3.x')).toEqual([]);
});

test('a header is found by name in any case, and keeps the key it is written under', () => {
  const response = { headers: { 'www-authenticate': { description: 'The challenge' } } };
  expect(headerNamed(response, 'WWW-Authenticate')).toEqual({
    key: 'www-authenticate',
    header: { description: 'The challenge' },
  });
  expect(headerNamed(response, 'Retry-After')).toBeUndefined();
  const odd = { headers: { 'WWW-Authenticate': 'text' } };
  expect(headerNamed(odd, 'www-authenticate')).toEqual({ key: 'WWW-Authenticate', header: {} });
});

describe('documentedValuesOf: the challenge values a header documents', () => {
  test('3.x: the header example and examples, and its schema example, examples, enum, const and default', () => {
    const header = {
      example: 'a',
      examples: { one: { value: 'b' }, two: 'c' },
      schema: { example: 'd', examples: ['e'], enum: ['f', 7], const: 'g', default: 'h' },
      content: { 'text/plain': { schema: { example: 'i' } } },
    };
    expect(documentedValuesOf(header, '3.x')).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']);
    expect(documentedValuesOf({ examples: ['j', 8] }, '3.x')).toEqual(['j']);
  });

  test("2.0: the header's own default, enum, example and x-example", () => {
    const header = { default: 'a', enum: ['b'], example: 'c', 'x-example': 'd', schema: { example: 'e' } };
    expect(documentedValuesOf(header, '2.0')).toEqual(['a', 'b', 'c', 'd']);
  });

  test('no values, or values that are not text, give none', () => {
    expect(documentedValuesOf({}, '3.x')).toEqual([]);
    expect(documentedValuesOf({ example: 5, schema: { enum: 5, default: null } }, '3.x')).toEqual([]);
  });
});

test('an error key is an explicit 4xx or 5xx code, or such a range in any case', () => {
  expect(['400', '404', '599', '4XX', '5xx'].map(isErrorKey)).toEqual([true, true, true, true, true]);
  expect(['200', '3XX', '4000', '40', 'x-404', '404x', 'default', '4X'].map(isErrorKey)).toEqual([
    false,
    false,
    false,
    false,
    false,
    false,
    false,
    false,
  ]);
});

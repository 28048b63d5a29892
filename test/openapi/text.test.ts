import { findNearbyPair, findNearbyPairAfter, findPhrase, wordsOf } from '../../src/openapi/text';

// The description matchers read whole words: "permissions" is not "permission", "tokenized" is not "token".

describe('wordsOf', () => {
  test('lower-cases and splits on anything but letters, digits, underscores and apostrophes', () => {
    expect(wordsOf("The Token: insufficient_scope (HTTP 403), don't retry!")).toEqual([
      'the',
      'token',
      'insufficient_scope',
      'http',
      '403',
      "don't",
      'retry',
    ]);
  });

  test('a quoted word is the word: apostrophes at its edges go, and a word of apostrophes only is none', () => {
    expect(wordsOf("'permissions' ''scope'' ' ''")).toEqual(['permissions', 'scope']);
  });

  test('an empty or separator-only text has no words', () => {
    expect(wordsOf('')).toEqual([]);
    expect(wordsOf(' -- ')).toEqual([]);
  });
});

describe('findPhrase', () => {
  const words = wordsOf('The caller is not authorized to delete this call');

  test('gives the words of the first phrase found, as consecutive whole words', () => {
    expect(findPhrase(words, ['delete', 'caller is'])).toBe('caller is');
    expect(findPhrase(words, ['call'])).toBe('call');
    expect(findPhrase(words, ['calls', 'is authorized'])).toBeUndefined();
  });

  test("`*` stands for any one word, and the words found are the text's", () => {
    expect(findPhrase(words, ['not authorized to *'])).toBe('not authorized to delete');
    expect(findPhrase(wordsOf('not authorized to'), ['not authorized to *'])).toBeUndefined();
  });

  test('a place where an `unless` phrase starts does not count; a later place still does', () => {
    const text = wordsOf('not authenticated as the owner, and then not authenticated at all');
    expect(findPhrase(text, ['not authenticated'], ['not authenticated as'])).toBe('not authenticated');
    const identity = wordsOf('not authenticated as the owner');
    expect(findPhrase(identity, ['not authenticated'], ['not authenticated as'])).toBeUndefined();
  });

  test('no words, or no phrases, find nothing', () => {
    expect(findPhrase([], ['token'])).toBeUndefined();
    expect(findPhrase(words, [])).toBeUndefined();
  });
});

describe('findNearbyPair', () => {
  const faults = new Set(['missing', 'invalid']);

  test('a first word followed within the distance by a second phrase gives the words from one to the other', () => {
    const text = wordsOf('a missing or invalid access token');
    expect(findNearbyPair(text, faults, ['access token'], 3)).toBe('invalid access token');
    expect(findNearbyPair(wordsOf('missing the api key'), faults, ['api key'], 3)).toBe('missing the api key');
  });

  test('exactly the distance apart counts; one word more does not', () => {
    expect(findNearbyPair(wordsOf('invalid a b token'), faults, ['token'], 3)).toBe('invalid a b token');
    expect(findNearbyPair(wordsOf('invalid a b c token'), faults, ['token'], 3)).toBeUndefined();
  });

  test('the second must come after the first: a second phrase alone, or before it, is no pair', () => {
    expect(findNearbyPair(wordsOf('token invalid'), faults, ['token'], 3)).toBeUndefined();
    expect(findNearbyPair(wordsOf('the token'), faults, ['token'], 3)).toBeUndefined();
  });
});

describe('findNearbyPairAfter', () => {
  const faults = new Set(['incorrect', 'missing']);

  test('a first phrase followed within the distance (from its last word) by a second word', () => {
    const text = wordsOf('the api key is incorrect');
    expect(findNearbyPairAfter(text, ['api key'], faults, 2)).toBe('api key is incorrect');
    expect(findNearbyPairAfter(wordsOf('the api key is now incorrect'), ['api key'], faults, 2)).toBeUndefined();
  });

  test('the second word must stand after the whole first phrase', () => {
    expect(findNearbyPairAfter(wordsOf('missing api key'), ['api key'], faults, 2)).toBeUndefined();
    // Nor inside it: a phrase that holds a second word is not a pair by itself.
    expect(findNearbyPairAfter(wordsOf('key missing header'), ['key missing'], faults, 2)).toBeUndefined();
    expect(findNearbyPairAfter(wordsOf('key missing is incorrect'), ['key missing'], faults, 2)).toBe(
      'key missing is incorrect',
    );
  });

  test('a second word that `accepted` turns down does not count; a later one may', () => {
    const notMissing = (found: readonly string[], index: number) => found[index] !== 'missing';
    expect(findNearbyPairAfter(wordsOf('token missing'), ['token'], faults, 2, notMissing)).toBeUndefined();
    const text = wordsOf('token missing incorrect');
    expect(findNearbyPairAfter(text, ['token'], faults, 2, notMissing)).toBe('token missing incorrect');
  });

  test('a later first phrase starts the count again', () => {
    expect(findNearbyPairAfter(wordsOf('token a b c token incorrect'), ['token'], faults, 1)).toBe('token incorrect');
  });
});

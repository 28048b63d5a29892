import {
  COLLECTION_ENVELOPE_NAMES,
  idsParameterOf,
  isCollectionListing,
  isIdsParameterName,
  itemPathsStoodFor,
  membersOfListing,
  requiredQueryParameterOf,
  topLevelCollectionListings,
} from '../../src/openapi/collections';
import { factsOf, operationOf } from './facts';

const ENVELOPES = new Set(['items', 'data']);
const arrayOf = { type: 'array', items: { type: 'string' } };
const json = (schema: unknown) => ({ description: 'OK', content: { 'application/json': { schema } } });

describe('isCollectionListing', () => {
  const facts = factsOf({
    openapi: '3.0.3',
    paths: {
      '/calls': { get: { responses: { '200': json(arrayOf) } }, post: { responses: { '201': json(arrayOf) } } },
      '/calls/{callId}': { get: { responses: { '200': json(arrayOf) } } },
      '/tags': { get: { responses: { '200': json({ properties: { Items: arrayOf } }) } } },
      '/teams': { get: { responses: { '200': json({ properties: { TEAMS: arrayOf, data: { type: 'object' } } }) } } },
      '/notes': { get: { responses: { '200': json({ properties: { notes_list: arrayOf } }) } } },
      '/empty': { get: { responses: { '404': json(arrayOf) } } },
    },
  });
  const lists = (label: string) => isCollectionListing(facts, operationOf(facts, label), ENVELOPES);

  test('a get on a path whose last segment is not templated, answering an array, lists a collection', () => {
    expect(lists('GET /calls')).toBe(true);
    expect(lists('POST /calls')).toBe(false);
    expect(lists('GET /calls/{callId}')).toBe(false);
  });

  test('so does one answering an object with an array under an envelope name or the collection name, any case', () => {
    expect(lists('GET /tags')).toBe(true);
    expect(lists('GET /teams')).toBe(true);
    expect(lists('GET /notes')).toBe(false);
  });

  test('without a success response, nothing is listed', () => {
    expect(lists('GET /empty')).toBe(false);
  });
});

test('an ids parameter names the members to return: ids, *_ids, *-ids in any case, or camel-cased *Ids', () => {
  const lookups = ['ids', 'IDS', 'bulb_ids', 'SAPLING-IDS', 'cuttingIds'];
  expect(lookups.map(isIdsParameterName)).toEqual([true, true, true, true, true]);
  expect(['kids', 'paids', 'trayIDs', 'bulb_id', 'ids_of', 'idsx'].map(isIdsParameterName)).toEqual([
    false,
    false,
    false,
    false,
    false,
    false,
  ]);
});

test('the query parameters that make a get a query or a lookup: the first required one, the first ids one', () => {
  const facts = factsOf({
    openapi: '3.0.3',
    paths: {
      '/labels': {
        parameters: [{ name: 'repository_id', in: 'query', required: true }],
        get: {
          parameters: [
            { name: 'q', in: 'query', required: true },
            { name: 'X-Ids', in: 'header' },
            { name: 'label_ids', in: 'query' },
            { name: 'user_ids', in: 'query' },
          ],
          responses: {},
        },
      },
      '/tags': { get: { parameters: [{ name: 'q', in: 'query', required: false }], responses: {} } },
    },
  });
  expect(requiredQueryParameterOf(facts, operationOf(facts, 'GET /labels'))).toBe('repository_id');
  expect(idsParameterOf(facts, operationOf(facts, 'GET /labels'))).toBe('label_ids');
  expect(requiredQueryParameterOf(facts, operationOf(facts, 'GET /tags'))).toBeUndefined();
  expect(idsParameterOf(facts, operationOf(facts, 'GET /tags'))).toBeUndefined();
});

describe('itemPathsStoodFor', () => {
  const standsFor = itemPathsStoodFor(
    factsOf({
      paths: {
        '/users/{id}/keys': {},
        '/v2/{org}/projects/{project}/resources/': {},
        '/users/{id}': {},
        '/{org}/keys': {},
      },
    }),
  );

  test('a literal segment that stands for an item: the path with a template there', () => {
    expect(standsFor('/users/me/keys')).toBe('/users/{id}/keys');
    expect(standsFor('/v2/acme/projects/default/resources')).toBe('/v2/{org}/projects/{project}/resources/');
    expect(standsFor('/v2/{org}/projects/default/resources')).toBe('/v2/{org}/projects/{project}/resources/');
    expect(standsFor('/acme/keys')).toBe('/{org}/keys');
  });

  test('not when the other literal segments differ, the last one differs, the length differs, or the case', () => {
    expect(standsFor('/groups/me/keys')).toBeUndefined();
    expect(standsFor('/users/me/tokens')).toBeUndefined();
    expect(standsFor('/users/me/keys/old')).toBeUndefined();
    expect(standsFor('/Users/me/keys')).toBeUndefined();
  });

  test('a template in the last segment is no item standing in between, and one segment stands for nothing', () => {
    expect(standsFor('/users/me')).toBeUndefined();
    expect(standsFor('/users/{id}')).toBeUndefined();
    expect(standsFor('/users')).toBeUndefined();
  });
});

// Written out here: cases taken from the module's own list would change with it.
const ENVELOPE_NAMES = 'items data results values value entries records elements content list resources nodes edges';

test.each(ENVELOPE_NAMES.split(' '))('the envelope "%s" holds a listing\'s members', (envelope) => {
  const facts = factsOf({
    openapi: '3.0.3',
    paths: { '/calls': { get: { responses: { '200': json({ properties: { [envelope]: arrayOf } }) } } } },
  });
  expect(isCollectionListing(facts, operationOf(facts, 'GET /calls'), new Set(COLLECTION_ENVELOPE_NAMES))).toBe(true);
  expect(isCollectionListing(facts, operationOf(facts, 'GET /calls'), new Set())).toBe(false);
});

test('a top-level collection listing: no template, no query, no ids, a listing, standing for no item path', () => {
  const facts = factsOf({
    openapi: '3.0.3',
    paths: {
      '/calls': { get: { responses: { '200': json(arrayOf) } } },
      '/users/{id}/calls': { get: { responses: { '200': json(arrayOf) } } },
      '/search': {
        get: {
          parameters: [{ name: 'q', in: 'query', required: true }],
          responses: { '200': json(arrayOf) },
        },
      },
      '/bulbs': { get: { parameters: [{ name: 'bulb_ids', in: 'query' }], responses: { '200': json(arrayOf) } } },
      '/status': { get: { responses: { '200': json({ type: 'object' }) } } },
      '/users/me/calls': { get: { responses: { '200': json(arrayOf) } } },
    },
  });
  const isTopLevel = topLevelCollectionListings(facts, ENVELOPES);
  const topLevel = (label: string) => isTopLevel(operationOf(facts, label));
  expect(topLevel('GET /calls')).toBe(true);
  expect(
    ['GET /users/{id}/calls', 'GET /search', 'GET /bulbs', 'GET /status', 'GET /users/me/calls'].map(topLevel),
  ).toEqual([false, false, false, false, false]);
});

test("a listing's members: the body when it is an array, else an envelope's array, else its first array", () => {
  expect(membersOfListing([1, 2])).toEqual([1, 2]);
  expect(membersOfListing({ total: 2, other: ['x'], items: [1, 2] })).toEqual([1, 2]);
  expect(membersOfListing({ total: 2, calls: [1], more: [2] })).toEqual([1]);
  expect(membersOfListing({ total: 2 })).toBeUndefined();
  expect(membersOfListing(null)).toBeUndefined();
  expect(membersOfListing('[1]')).toBeUndefined();
});

import {
  answersGone,
  answersMissingItemWithout404,
  createsMissingItem,
  deleteSucceedsForMissingItem,
  notFoundLikeResponseOf,
  saysNotFound,
} from '../../src/openapi/not-found';
import { factsOf, operationOf } from './facts';

// What an operation on an item path says about a missing item other than with a 404.

test('"not found", in any spelling a name or a description uses', () => {
  const marks = ['Not Found', 'ResourceNotFoundException', 'NOT_FOUND', 'not-found'];
  expect(marks.map(saysNotFound)).toEqual([true, true, true, true]);
  expect(['No such call', 'Not allowed', 'notfind'].map(saysNotFound)).toEqual([false, false, false]);
});

describe('a documented answer for a missing item', () => {
  const facts = factsOf({
    openapi: '3.0.3',
    paths: {
      '/files/{name}': { put: { responses: { '200': {} } } },
      '/calls/{callId}': {
        get: { responses: { '200': {} } },
        put: { responses: { '200': {} } },
        patch: { responses: { '201': {} } },
        delete: { responses: { '204': { description: 'Deleted, or did not exist' } } },
      },
      '/users/{userId}/keys/{keyId}': { put: { responses: { '200': {} } } },
      '/notes/{noteId}': {
        put: { responses: { '201': {} } },
        delete: { responses: { '2XX': { description: 'Deleted; a note no longer existing is fine' }, '410': {} } },
      },
      '/tags/{tagId}': {
        delete: { responses: { '200': { description: 'Deleted' }, '404': { description: 'Not found' } } },
      },
      '/drafts/{id}/': { delete: { responses: { '300': { description: 'Not found' }, '202': { description: 5 } } } },
      '/old/{id}': {
        delete: {
          responses: {
            'x-204': { description: 'Deleted, or did not exist' },
            '2040': { description: 'Deleted, or did not exist' },
          },
        },
      },
    },
  });
  const of = (label: string) => operationOf(facts, label);

  test('a PUT creates a missing item when it documents 201, or writes under a name nothing reads', () => {
    expect(createsMissingItem(facts, of('PUT /files/{name}'))).toBe(true);
    expect(createsMissingItem(facts, of('PUT /notes/{noteId}'))).toBe(true);
    expect(createsMissingItem(facts, of('PUT /calls/{callId}'))).toBe(false);
    expect(createsMissingItem(facts, of('PUT /users/{userId}/keys/{keyId}'))).toBe(false);
    expect(createsMissingItem(facts, of('PATCH /calls/{callId}'))).toBe(false);
  });

  test('410 Gone answers an item no longer there', () => {
    expect(answersGone(of('DELETE /notes/{noteId}'))).toBe(true);
    expect(answersGone(of('DELETE /tags/{tagId}'))).toBe(false);
  });

  test("a DELETE whose success (2xx or 2XX) says a missing item gets it too; not another code's description", () => {
    expect(deleteSucceedsForMissingItem(of('DELETE /calls/{callId}'))).toBe(true);
    expect(deleteSucceedsForMissingItem(of('DELETE /notes/{noteId}'))).toBe(true);
    expect(deleteSucceedsForMissingItem(of('DELETE /tags/{tagId}'))).toBe(false);
    expect(deleteSucceedsForMissingItem(of('DELETE /drafts/{id}/'))).toBe(false);
    expect(deleteSucceedsForMissingItem(of('GET /calls/{callId}'))).toBe(false);
    // Only a success status code counts: not an extension, nor a key that merely starts like one.
    expect(deleteSucceedsForMissingItem(of('DELETE /old/{id}'))).toBe(false);
  });

  test('any of the three will do', () => {
    expect(answersMissingItemWithout404(facts, of('PUT /files/{name}'))).toBe(true);
    expect(answersMissingItemWithout404(facts, of('DELETE /calls/{callId}'))).toBe(true);
    expect(answersMissingItemWithout404(facts, of('DELETE /tags/{tagId}'))).toBe(false);
  });
});

describe('notFoundLikeResponseOf', () => {
  const long = `The call was not found: ${'it may have been deleted, or it never existed, '.repeat(8)}`;
  const sixty = 'Not found: '.padEnd(60, 'z');
  const hundred = 'Not found: '.padEnd(100, 'z');
  const spaced = `Call not found.${' '.repeat(300)}Try again.`;
  const facts = factsOf({
    openapi: '3.0.3',
    paths: {
      '/a/{id}': {
        get: {
          responses: {
            '401': { description: 'Not found' },
            '403': { description: 'Not found' },
            '404': { description: 'Not found' },
            '410': { description: 'not found' },
          },
        },
      },
      '/b/{id}': { get: { responses: { '4XX': { description: 'Not found' }, '460': { description: 'Not found' } } } },
      '/c/{id}': { get: { responses: { '460': { description: long } } } },
      '/d/{id}': { get: { responses: { '460': { description: '  The call   was\n not found  ' } } } },
      '/e/{id}': { get: { responses: { '460': { description: 'Gone away' }, '461': { description: 5 } } } },
      '/f/{id}': {
        get: { responses: { 'x-460': { description: 'Not found' }, '4600': { description: 'Not found' } } },
      },
      '/g/{id}': {
        get: {
          responses: {
            '422': { description: 'Not found', content: { 'application/json': { schema: { type: 'object' } } } },
          },
        },
      },
      '/h/{id}': {
        get: {
          responses: {
            '422': {
              description: 'Item not found',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
            },
          },
        },
      },
      '/i/{id}': { get: { responses: { '460': { description: sixty } } } },
      '/j/{id}': { get: { responses: { '460': { description: hundred } } } },
      '/k/{id}': { get: { responses: { '460': { description: spaced } } } },
    },
    components: { schemas: { Error: { type: 'object' } } },
  });
  const of = (label: string) => notFoundLikeResponseOf(facts, operationOf(facts, label));

  test('the first explicit 4xx other than 401, 403, 404 and 410 that says "not found"', () => {
    expect(of('GET /a/{id}')).toBeUndefined();
    expect(of('GET /b/{id}')).toEqual({ code: '460', evidence: '"Not found"' });
    expect(of('GET /e/{id}')).toBeUndefined();
    expect(of('GET /f/{id}')).toBeUndefined();
  });

  test('a body schema inline, or by a $ref whose name says nothing: the description is the evidence', () => {
    expect(of('GET /g/{id}')).toEqual({ code: '422', evidence: '"Not found"' });
    expect(of('GET /h/{id}')).toEqual({ code: '422', evidence: '"Item not found"' });
  });

  test('its description, quoted on one line, cut with an ellipsis after 59 characters', () => {
    expect(of('GET /d/{id}')).toEqual({ code: '460', evidence: '"The call was not found"' });
    expect(of('GET /c/{id}')).toEqual({
      code: '460',
      evidence: '"The call was not found: it may have been deleted, or it nev…"',
    });
    expect(of('GET /i/{id}')).toEqual({ code: '460', evidence: `"${sixty}"` });
    expect(of('GET /j/{id}')).toEqual({ code: '460', evidence: `"${hundred.slice(0, 59)}…"` });
    // Only the start of a long description is read: what is left out is marked even when the start is short.
    expect(of('GET /k/{id}')).toEqual({ code: '460', evidence: '"Call not found.…"' });
  });
});

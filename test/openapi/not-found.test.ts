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
  });

  test('any of the three will do', () => {
    expect(answersMissingItemWithout404(facts, of('PUT /files/{name}'))).toBe(true);
    expect(answersMissingItemWithout404(facts, of('DELETE /calls/{callId}'))).toBe(true);
    expect(answersMissingItemWithout404(facts, of('DELETE /tags/{tagId}'))).toBe(false);
  });
});

describe('notFoundLikeResponseOf', () => {
  const long = `The call was not found: ${'it may have been deleted, or it never existed, '.repeat(8)}`;
  const facts = factsOf({
    openapi: '3.0.3',
    paths: {
      '/a/{id}': { get: { responses: { '401': { description: 'Not found' }, '410': { description: 'not found' } } } },
      '/b/{id}': { get: { responses: { '4XX': { description: 'Not found' }, '460': { description: 'Not found' } } } },
      '/c/{id}': { get: { responses: { '460': { description: long } } } },
      '/d/{id}': { get: { responses: { '460': { description: '  The call   was\n not found  ' } } } },
      '/e/{id}': { get: { responses: { '460': { description: 'Gone away' }, '461': { description: 5 } } } },
    },
  });
  const of = (label: string) => notFoundLikeResponseOf(facts, operationOf(facts, label));

  test('the first explicit 4xx other than 401, 403, 404 and 410 that says "not found"', () => {
    expect(of('GET /a/{id}')).toBeUndefined();
    expect(of('GET /b/{id}')).toEqual({ code: '460', evidence: '"Not found"' });
    expect(of('GET /e/{id}')).toBeUndefined();
  });

  test('its description, quoted on one line, cut with an ellipsis after 59 characters', () => {
    expect(of('GET /d/{id}')).toEqual({ code: '460', evidence: '"The call was not found"' });
    expect(of('GET /c/{id}')).toEqual({
      code: '460',
      evidence: '"The call was not found: it may have been deleted, or it nev…"',
    });
  });
});

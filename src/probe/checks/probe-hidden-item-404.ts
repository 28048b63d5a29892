import { differenceBetween } from '../compare';
import { Check, exchangesFor, placeOf, ProbeFinding } from './check';

/**
 * Check 4: `other` asking for the owner's item gets exactly what anyone gets for an id that does not exist: 404,
 * and nothing (status, media type, headers, body) that tells the two apart, ids and timestamps aside. Not judged when
 * the owner could not read the item (its control request did not succeed).
 */
export const probeHiddenItem404: Check = (input) => {
  const controls = exchangesFor(input, 'control');
  const unknowns = exchangesFor(input, 'unknown-item');
  return exchangesFor(input, 'hidden-item').flatMap((hidden): ProbeFinding[] => {
    const { operation } = hidden.request;
    const unknown = unknowns.find((candidate) => candidate.request.operation === operation);
    const control = controls.find(
      (candidate) =>
        candidate.request.path === hidden.request.path && candidate.request.operation.path === operation.path,
    );
    if (unknown === undefined || (control !== undefined && (control.status < 200 || control.status > 299))) return [];
    const finding = (problem: string): ProbeFinding[] => [
      {
        code: 'probe-hidden-item-404',
        message: `${operation.label} ${problem} — ${input.evidence(hidden)} vs ${input.evidence(unknown)}`,
        path: placeOf(operation, '404'),
      },
    ];
    const difference = differenceBetween(hidden, unknown);
    if (hidden.status !== 404 && difference === undefined) {
      // Nothing leaks (a server that answers every id it will not show alike), but the caller is not told "not found".
      return finding(
        `answered another caller's request for an item it may not see with ${hidden.status}, as it answers an id ` +
          'that does not exist: nothing tells the two apart, but both should be 404, the answer for an item the ' +
          'caller may not know of',
      );
    }
    if (hidden.status !== 404) {
      return finding(
        `answered another caller's request for an item it may not see with ${hidden.status}, which tells that the ` +
          'item exists: answer 404, exactly as for an id that does not exist',
      );
    }
    if (difference === undefined) return [];
    return finding(
      `answered 404 for an item the caller may not see, but ${difference} differs from the answer for an id that ` +
        'does not exist, which tells that the item exists: answer both alike',
    );
  });
};

import { membersOfListing } from '../../openapi/collections';
import { jsonBodyOf } from '../send';
import { Check, exchangesFor, findingAbout, ProbeFinding } from './check';

/** Check 5: a top-level collection listed by `other` answers 200 with a list, possibly empty, never 404. */
export const probeCollectionNever404: Check = (input) =>
  exchangesFor(input, 'collection').flatMap((exchange): ProbeFinding[] => {
    const finding = findingAbout(input, exchange, 'probe-collection-never-404', '404');
    if (exchange.status === 404) {
      return finding(
        'answered 404 to a caller who sees none of its members: a collection never 404s, answer 200 with an empty list',
      );
    }
    if (exchange.status !== 200 || exchange.request.method === 'HEAD') return [];
    if (membersOfListing(jsonBodyOf(exchange)) !== undefined) return [];
    return finding(
      'answered 200 without a list: answer a list (or an object holding one), empty when nothing is visible',
    );
  });

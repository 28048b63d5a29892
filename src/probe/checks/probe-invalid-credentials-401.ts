import { challengesOf } from '../challenges';
import { acceptedChallengeSchemes } from './accepted-challenges';
import { Check, exchangesFor, findingAbout, ProbeFinding } from './check';

/**
 * Check 2: well-formed but wrong credentials → 401; a Bearer challenge says `error="invalid_token"` (RFC 6750 §3.1).
 * A 401 without any challenge is check 1's finding when the request without credentials got none either.
 */
export const probeInvalidCredentials401: Check = (input) =>
  exchangesFor(input, 'invalid-credentials').flatMap((exchange): ProbeFinding[] => {
    const { operation } = exchange.request;
    const finding = findingAbout(input, exchange, 'probe-invalid-credentials-401', '401');
    if (exchange.status !== 401) {
      return finding(`answered well-formed but invalid credentials with ${exchange.status}: answer 401`);
    }
    if (!acceptedChallengeSchemes(input.document, operation).includes('Bearer')) return [];
    const challenges = challengesOf(exchange.headers['www-authenticate']);
    const bearer = challenges.find((challenge) => challenge.scheme.toLowerCase() === 'bearer');
    if (bearer === undefined) {
      const unauthenticated = exchangesFor(input, 'unauthenticated').find(
        (other) => other.request.operation === operation,
      );
      const check1Reports = challengesOf(unauthenticated?.headers['www-authenticate']).length === 0;
      if (check1Reports) return [];
      return finding('answered an invalid token with 401 but no Bearer challenge: add `Bearer error="invalid_token"`');
    }
    if (bearer.params.error === 'invalid_token') return [];
    return finding(
      'answered an invalid token with a Bearer challenge without error="invalid_token": add it (RFC 6750 §3.1)',
    );
  });

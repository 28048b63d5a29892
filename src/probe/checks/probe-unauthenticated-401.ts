import { challengesOf } from '../challenges';
import { acceptedChallengeSchemes } from './accepted-challenges';
import { Check, exchangesFor, findingAbout, ProbeFinding } from './check';

/** Check 1: no credentials on a secured operation → 401 with a challenge naming a scheme the operation accepts. */
export const probeUnauthenticated401: Check = (input) =>
  exchangesFor(input, 'unauthenticated').flatMap((exchange): ProbeFinding[] => {
    const { operation } = exchange.request;
    const accepted = acceptedChallengeSchemes(input.document, operation);
    const challenge = `a WWW-Authenticate challenge (${accepted.join(' or ')})`;
    const example = accepted.length > 0 ? ` with ${challenge}` : '';
    const finding = findingAbout(input, exchange, 'probe-unauthenticated-401', '401');
    if (exchange.status !== 401) {
      return finding(`answered a request without credentials with ${exchange.status}: answer 401${example}`);
    }
    if (accepted.length === 0) return [];
    const challenges = challengesOf(exchange.headers['www-authenticate']);
    if (challenges.length === 0) {
      return finding(`answered 401 without a WWW-Authenticate challenge: add ${challenge}`);
    }
    const wanted = new Set(accepted.map((scheme) => scheme.toLowerCase()));
    if (challenges.some((challenge) => wanted.has(challenge.scheme.toLowerCase()))) return [];
    const sent = challenges.map((challenge) => challenge.scheme).join(', ');
    return finding(
      `answered 401 with challenges (${sent}) for none of the schemes it accepts: challenge with ${accepted.join(' or ')}`,
    );
  });

import { effectiveSecurity, scopesNamed } from '../../openapi/security';
import { challengesOf } from '../challenges';
import { Check, exchangesFor, findingAbout, ProbeFinding } from './check';

/** Check 3: valid credentials without the operation's scopes → 403 naming a missing scope, in the body or a challenge. */
export const probeMissingScope403: Check = (input) =>
  exchangesFor(input, 'missing-scope').flatMap((exchange): ProbeFinding[] => {
    const { operation } = exchange.request;
    const scopes = scopesNamed(effectiveSecurity(input.document.resolved, operation.operation));
    const finding = findingAbout(input, exchange, 'probe-missing-scope-403', '403');
    const needed = scopes.join(' or ');
    if (exchange.status !== 403) {
      return finding(
        `answered a token without the scope ${needed} with ${exchange.status}: answer 403 and name the missing scope`,
      );
    }
    const challengeScopes = challengesOf(exchange.headers['www-authenticate'])
      .filter((challenge) => challenge.params.error === 'insufficient_scope')
      .flatMap((challenge) => (challenge.params.scope ?? '').split(/\s+/));
    const named = scopes.some((scope) => exchange.body.includes(scope) || challengeScopes.includes(scope));
    if (named) return [];
    return finding(
      `answered 403 without naming the missing scope (${needed}): name it in the body, or in a ` +
        'WWW-Authenticate challenge with error="insufficient_scope" and scope="..." (RFC 6750 §3.1)',
    );
  });

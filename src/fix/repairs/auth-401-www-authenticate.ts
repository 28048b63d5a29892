import { challengeAuthSchemeOf } from '../../openapi/security';
import { REALM, wwwAuthenticateHeader } from '../definitions';
import { after, atEnd } from '../edits';
import { operationAt, RepairContext, RepairDone, RuleFinding, RuleRepair } from '../repair';
import { documentAuthSchemes } from '../shared-responses';

/**
 * The auth-schemes of the challenges the named schemes define, without repeats: the rule's message names the same
 * (an apiKey in `Authorization` included, as the scheme its description names, else Bearer).
 */
function challengeSchemesOf(schemeNames: readonly string[], context: RepairContext): string[] {
  const schemes = context.facts.securitySchemes;
  const named = schemeNames.map((name) =>
    Object.prototype.hasOwnProperty.call(schemes, name) ? schemes[name] : undefined,
  );
  return [...new Set(named.map(challengeAuthSchemeOf).filter((scheme): scheme is string => scheme !== undefined))];
}

/**
 * `auth-401-www-authenticate`: the 401 gets a WWW-Authenticate header, where the 401 is defined (the shared
 * component when it is a `$ref`). Its challenges name the operation's schemes for an operation's own 401, and
 * every scheme the document uses for a shared one.
 */
export const auth401WwwAuthenticateRepair: RuleRepair = {
  rule: 'auth-401-www-authenticate',
  repair(finding: RuleFinding, context: RepairContext): RepairDone {
    const response = context.files.locate(finding.path, true);
    const operation = operationAt(context.facts, finding.path);
    const own =
      response.viaRef || operation === undefined ? [] : challengeSchemesOf(operation.security.schemeNames, context);
    const schemes = own.length > 0 ? own : documentAuthSchemes(context.facts);
    const header = wwwAuthenticateHeader(context.facts.version, schemes);
    context.plan.ensure(response, ['headers', 'WWW-Authenticate'], header, [after('description'), atEnd]);
    context.complete(response);
    const challenges =
      schemes.length > 0 ? ` (${schemes.map((scheme) => `${scheme} realm="${REALM}"`).join(', ')})` : '';
    return { file: response.source.path, what: `added a WWW-Authenticate header${challenges}` };
  },
};

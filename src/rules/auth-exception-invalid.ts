import { isNonEmptyString, isObject } from '../openapi/json';
import { AuthRule, EXCEPTIONS_KEY, Finding } from '../rule';

const name = 'auth-exception-invalid';

/**
 * Checks `x-auth-exceptions` entries; `ruleNames` are the rules an entry may silence.
 * A factory, because the rule table it checks against is built from the rules themselves.
 */
export function authExceptionInvalid(ruleNames: readonly string[]): AuthRule {
  const known = new Set(ruleNames);
  return {
    name,
    severity: 'warn',
    description: `Every ${EXCEPTIONS_KEY} entry names a rule of this ruleset and gives a non-empty reason.`,
    resolved: true,
    check(document) {
      const findings: Finding[] = [];
      for (const operation of document.operations) {
        if (!(EXCEPTIONS_KEY in operation.operation)) continue;
        const exceptions = operation.operation[EXCEPTIONS_KEY];
        const at = [...operation.location, EXCEPTIONS_KEY];
        if (!isObject(exceptions)) {
          findings.push({
            message: `${EXCEPTIONS_KEY} of ${operation.label} must be a map from rule name to reason, for example {auth-404-protected-item: "public item"}.`,
            path: at,
          });
          continue;
        }
        for (const [rule, reason] of Object.entries(exceptions)) {
          if (!known.has(rule)) {
            findings.push({
              message: `${EXCEPTIONS_KEY} of ${operation.label} names "${rule}", which is not a rule of this ruleset: use one of ${[...known].join(', ')}.`,
              path: [...at, rule],
            });
          } else if (!isNonEmptyString(reason)) {
            findings.push({
              message: `${EXCEPTIONS_KEY} of ${operation.label} silences ${rule} without a reason: give a non-empty string that says why the deviation is accepted.`,
              path: [...at, rule],
            });
          }
        }
      }
      return findings;
    },
  };
}

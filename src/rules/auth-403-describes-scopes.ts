import { refWrittenAt, sharedBodySchemaOf, WrittenRef } from '../openapi/body-schemas';
import { asObject, lastRefAlong, refOf } from '../openapi/json';
import type { DocumentFacts, JsonPath, OperationFacts } from '../openapi/operations';
import { subjectAt } from '../openapi/references';
import { bodySchemasOf, documentedValuesOf, documentsCode, headerNamed } from '../openapi/responses';
import { requiredScopesPhrase } from '../openapi/scope-alternatives';
import { hasPropertyNamed } from '../openapi/schemas';
import { effectiveSecurity } from '../openapi/security';
import { findPhrase, wordsOf } from '../openapi/text';
import { AuthRule, capitalized, examplesOf, Finding, operationsFor, RuleOptions } from '../rule';

const name = 'auth-403-describes-scopes';

const WHAT_NAMES_SCOPES =
  'a body property such as missing_scopes, or a WWW-Authenticate challenge with error="insufficient_scope"';

/** Whether a 403 tells the caller which scopes or permissions it lacks, in its body or its challenge. */
function namesMissingGrants(document: DocumentFacts, response: unknown, options: RuleOptions): boolean {
  const isGrantProperty = (property: string): boolean => {
    const lower = property.toLowerCase();
    return options.missingGrantPropertyParts.some((part) => lower.includes(part));
  };
  if (
    bodySchemasOf(response, document.version).some((schema) =>
      hasPropertyNamed(schema, isGrantProperty, 1, document.resolved),
    )
  ) {
    return true;
  }
  const header = headerNamed(response, 'WWW-Authenticate');
  if (header === undefined) return false;
  const texts = [...documentedValuesOf(header.header, document.version)];
  if (typeof header.header.description === 'string') texts.push(header.header.description);
  return texts.some((text) => text.toLowerCase().includes('insufficient_scope'));
}

/** The operation's own 403, as the resolved document has it; undefined when it has none or it did not resolve. */
function readable403Of(operation: OperationFacts): unknown {
  if (!documentsCode(operation.responses, '403')) return undefined;
  const response = operation.responses['403'];
  return refOf(response) === undefined ? response : undefined;
}

/**
 * For each shared schema that is the whole body of some 403: the operations whose 403 it is, over the whole
 * document (excepted and unscoped ones included), so that every finding placed on that schema has one message.
 */
function operationsBySharedBodySchema(document: DocumentFacts): Map<string, string[]> {
  const users = new Map<string, string[]>();
  for (const operation of document.operations) {
    const response = readable403Of(operation);
    if (response === undefined) continue;
    const shared = sharedBodySchemaOf(document, response, [...operation.location, 'responses', '403']);
    if (shared === undefined) continue;
    users.set(shared.ref, [...(users.get(shared.ref) ?? []), operation.label]);
  }
  return users;
}

/** What the document's other 4xx responses say about its error bodies. */
interface ErrorBodyConvention {
  /** Distinct explicit 4xx responses that count (see `errorBodyConventionOf`). */
  counted: number;
  /** Those of them that have a body. */
  withBody: number;
  /** The first of them with a body, for the message: `the 404 response of GET /calls/{callId}`. */
  example: string | undefined;
}

/** 4xx codes that are no evidence of an error-body convention: validation errors, and 403 itself. */
const NOT_EVIDENCE = new Set(['400', '403', '422']);

/**
 * The document's convention for error bodies, from its distinct explicit 4xx responses other than 400, 403 and
 * 422 (validation errors carry bodies in APIs whose other errors have none): a `$ref`'d response, as the document
 * is written, counts once however many operations use it; a response written in place counts once each.
 */
function errorBodyConventionOf(document: DocumentFacts): ErrorBodyConvention {
  const seen = new Set<string>();
  const convention: ErrorBodyConvention = { counted: 0, withBody: 0, example: undefined };
  for (const operation of document.operations) {
    for (const [code, response] of Object.entries(operation.responses)) {
      if (!/^4\d\d$/.test(code) || NOT_EVIDENCE.has(code)) continue;
      const path = [...operation.location, 'responses', code];
      const shared = refWrittenAt(document.unresolved, path);
      const key = shared === undefined ? JSON.stringify(path) : `$ref ${shared.ref}`;
      if (seen.has(key)) continue;
      seen.add(key);
      convention.counted++;
      if (bodySchemasOf(response, document.version).length === 0) continue;
      convention.withBody++;
      if (convention.example === undefined) convention.example = `the ${code} response of ${operation.label}`;
    }
  }
  return convention;
}

/** At least half of the responses that count have a body: the API writes error bodies, and a bodiless 403 breaks that. */
function writesErrorBodies(convention: ErrorBodyConvention): boolean {
  return convention.counted > 0 && convention.withBody * 2 >= convention.counted;
}

/** Words of a 403's description that say the refusal is about state or a limit. */
const STATE_OR_LIMIT = [
  'maximum',
  'limit',
  'limits',
  'reached',
  'exceeded',
  'quota',
  'immutable',
  'locked',
  'not confirmed',
  'pending',
  'yet',
];

/** Words that say it is about a permission after all. */
const PERMISSION = [
  'permission',
  'permissions',
  'access',
  'scope',
  'scopes',
  'authorized',
  'authorised',
  'authorization',
  'allowed',
  'role',
  'roles',
  'privilege',
];

/**
 * Whether a 403's own description says the refusal is about state or a limit, not a permission ("The maximum
 * number of webhooks has been reached", "The invoice is locked"): there is no grant to name, nor a body to ask for.
 */
function refusesForStateOrLimit(response: unknown): boolean {
  const description = asObject(response).description;
  if (typeof description !== 'string') return false;
  const words = wordsOf(description);
  return findPhrase(words, STATE_OR_LIMIT) !== undefined && findPhrase(words, PERMISSION) === undefined;
}

function sharedSchemaMessage(schema: WrittenRef, users: readonly string[]): string {
  const operations = `${users.length} operation${users.length === 1 ? '' : 's'} (${examplesOf(users)})`;
  return (
    `Shared schema "${schema.name}" (${schema.ref}), the 403 body of ${operations}, does not say which scopes are ` +
    'missing: add a property such as missing_scopes to it, or a WWW-Authenticate challenge with ' +
    'error="insufficient_scope" to those 403 responses.'
  );
}

/** `required` is undefined for a shared response: the operations that use it may require different scopes. */
function scopesMissingMessage(subject: string, required: string | undefined): string {
  const requirement = required === undefined ? '' : ` (the operation requires ${required})`;
  return `${subject} does not say which scopes are missing${requirement}: add ${WHAT_NAMES_SCOPES}.`;
}

function noBodyMessage(subject: string, convention: ErrorBodyConvention): string {
  const evidence = `${convention.withBody} of the ${convention.counted} 4xx responses other than 400, 403 and 422`;
  return (
    `${subject} has no body, while other error responses of this document have one (${evidence}, such as ` +
    `${convention.example}): add a body schema that tells the caller which permission it lacks.`
  );
}

/** Whether the path reaches the response through a shared component, where Spectral places the finding. */
function isShared(document: DocumentFacts, operation: OperationFacts, path: JsonPath): boolean {
  const shared = lastRefAlong(document.unresolved, path);
  return shared !== undefined && shared.depth > operation.location.length;
}

export const auth403DescribesScopes: AuthRule = {
  name,
  severity: 'warn',
  description: 'A 403 tells the caller what it lacks: the missing scopes or permissions.',
  resolved: true,
  check(document, options) {
    const findings: Finding[] = [];
    // A shared 403 is the same resolved object on every operation that uses it: search its schemas once.
    const answers = new Map<unknown, boolean>();
    const namesMissingGrantsOnce = (response: unknown): boolean => {
      if (!answers.has(response)) answers.set(response, namesMissingGrants(document, response, options));
      return answers.get(response)!;
    };
    const stateOrLimit = new Map<unknown, boolean>();
    const refusesForStateOrLimitOnce = (response: unknown): boolean => {
      if (!stateOrLimit.has(response)) stateOrLimit.set(response, refusesForStateOrLimit(response));
      return stateOrLimit.get(response)!;
    };
    // Document-wide facts, computed only when a finding needs them.
    let sharedSchemaUsers: Map<string, string[]> | undefined;
    let convention: ErrorBodyConvention | undefined;
    const writesErrorBodiesOnce = (): boolean => {
      if (convention === undefined) convention = errorBodyConventionOf(document);
      return writesErrorBodies(convention);
    };

    for (const operation of operationsFor(document, name)) {
      if (!operation.security.secured) continue;
      const response = readable403Of(operation);
      if (response === undefined) continue;
      if (refusesForStateOrLimitOnce(response)) continue;
      const path = [...operation.location, 'responses', '403'];
      // Naming it walks the written document: only for a finding.
      const subject = (): string => capitalized(subjectAt(document, operation, path, 'the 403 response'));
      const hasBody = bodySchemasOf(response, document.version).length > 0;
      if (operation.security.scoped) {
        if (namesMissingGrantsOnce(response)) continue;
        // Asking a bodiless 403 for a body is fair only when the API writes error bodies.
        if (!hasBody && !writesErrorBodiesOnce()) continue;
        const sharedSchema = sharedBodySchemaOf(document, response, path);
        if (sharedSchema !== undefined) {
          if (sharedSchemaUsers === undefined) sharedSchemaUsers = operationsBySharedBodySchema(document);
          const users = sharedSchemaUsers.get(sharedSchema.ref) ?? [operation.label];
          findings.push({ message: sharedSchemaMessage(sharedSchema, users), path: sharedSchema.path });
          continue;
        }
        const required = isShared(document, operation, path)
          ? undefined
          : requiredScopesPhrase(effectiveSecurity(document.resolved, operation.operation));
        findings.push({ message: scopesMissingMessage(subject(), required), path });
      } else if (!hasBody && writesErrorBodiesOnce()) {
        findings.push({ message: noBodyMessage(subject(), convention!), path });
      }
    }
    return findings;
  },
};

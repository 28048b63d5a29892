import { asObject, isObject, JsonObject } from './json';
import { isItemPath } from './paths';
import { effectiveSecurity, scopesTellNothing, securityFacts, SecurityFacts, securitySchemesOf } from './security';
import { isErrorKey, OpenApiVersion, versionOf } from './responses';

/** The methods that make an operation; webhooks and callbacks are requests the API sends, never linted. */
export const OPERATION_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export type JsonPath = (string | number)[];

/** What every rule needs to know about one operation, computed once per document. */
export interface OperationFacts {
  path: string;
  method: string;
  /** `GET /calls/{callId}`: how messages name the operation. */
  label: string;
  /** Where the operation stands: `['paths', path, method]`. */
  location: JsonPath;
  operation: JsonObject;
  responses: JsonObject;
  security: SecurityFacts;
  itemPath: boolean;
  /** `deprecated: true`: on its way out. */
  deprecated: boolean;
  /** Its `x-auth-exceptions` (rule name → reason), as written; `{}` when it has none or writes something else. */
  exceptions: JsonObject;
}

/** The extension by which an operation records the rules it is an accepted exception to, with a reason. */
export const EXCEPTIONS_KEY = 'x-auth-exceptions';

/** What every rule needs to know about one document. */
export interface DocumentFacts {
  version: OpenApiVersion;
  /** The resolved document: `$ref`s replaced by what they point at. */
  resolved: JsonObject;
  /** The document as written: tells which responses and headers are shared `$ref`s. */
  unresolved: unknown;
  securitySchemes: JsonObject;
  operations: OperationFacts[];
  /** The error keys the operations' responses use, upper-cased: explicit codes (`404`) and ranges (`4XX`, `5XX`). */
  errorKeys: ReadonlySet<string>;
  /** How many operations document a `default` response. */
  operationsWithDefault: number;
  /** An Azure Resource Manager description: some path goes through a resource provider (`/providers/Microsoft.Compute/...`). */
  azureResourceManager: boolean;
}

/** How Azure Resource Manager paths name a resource provider. */
const RESOURCE_PROVIDER = /\/providers\/Microsoft\.[^/]+/i;

export function documentFactsOf(resolved: unknown, unresolved: unknown): DocumentFacts {
  const root = asObject(resolved);
  const securitySchemes = securitySchemesOf(root);
  const operations: OperationFacts[] = [];
  for (const [path, pathItem] of Object.entries(asObject(root.paths))) {
    if (!isObject(pathItem)) continue;
    for (const method of OPERATION_METHODS) {
      const operation = pathItem[method];
      if (!isObject(operation)) continue;
      operations.push({
        path,
        method,
        label: `${method.toUpperCase()} ${path}`,
        location: ['paths', path, method],
        operation,
        responses: asObject(operation.responses),
        security: securityFacts(effectiveSecurity(root, operation), securitySchemes),
        itemPath: isItemPath(path),
        deprecated: operation.deprecated === true,
        exceptions: asObject(operation[EXCEPTIONS_KEY]),
      });
    }
  }
  settleScoped(root, operations);
  const errorKeys = new Set<string>();
  let operationsWithDefault = 0;
  for (const { responses } of operations) {
    for (const key of Object.keys(responses)) {
      if (isErrorKey(key)) errorKeys.add(key.toUpperCase());
      else if (key === 'default') operationsWithDefault++;
    }
  }
  return {
    version: versionOf(root),
    resolved: root,
    unresolved,
    securitySchemes,
    operations,
    errorKeys,
    operationsWithDefault,
    azureResourceManager: operations.some((operation) => RESOURCE_PROVIDER.test(operation.path)),
  };
}

/**
 * An operation is scoped when its scopes tell it apart (see `SecurityFacts.scoped`): when every operation of the
 * document that lists scopes asks each scheme for the same scopes, none of them is. Settled here, once per document, so
 * that every rule and repair reading `security.scoped` agrees.
 */
function settleScoped(root: JsonObject, operations: OperationFacts[]): void {
  const listing = operations.filter((operation) => operation.security.listsScopes);
  if (!scopesTellNothing(listing.map((operation) => effectiveSecurity(root, operation.operation)))) return;
  for (const operation of listing) operation.security = { ...operation.security, scoped: false };
}

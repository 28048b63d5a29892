import { asArray, asObject, isObject, JsonObject } from './json';

/** What an operation's effective security says about the caller it expects. */
export interface SecurityFacts {
  /** The operation (or, failing that, the document) declares a `security` key. */
  declared: boolean;
  /** The effective security is an explicit empty list: `security: []`. */
  explicitlyNone: boolean;
  /** Some requirement object is empty (`{}`): authentication is optional. */
  optional: boolean;
  /** Requires authentication (see the README's definition of "secured"). */
  secured: boolean;
  /** Secured, and some requirement lists at least one scope or role. */
  scoped: boolean;
  /** Every scheme name the effective security accepts, in order, without repeats. */
  schemeNames: string[];
  /**
   * Secured, and every scheme it accepts is AWS Signature Version 4 (an apiKey with
   * `x-amazon-apigateway-authtype: awsSigv4`): such APIs answer a bad signature with 403 by design, never 401.
   */
  awsSigV4Only: boolean;
}

/** The operation's `security` when present (even `[]`), else the document's root `security`, else none. */
export function effectiveSecurity(root: JsonObject, operation: JsonObject): unknown {
  if (Object.prototype.hasOwnProperty.call(operation, 'security')) return operation.security;
  if (Object.prototype.hasOwnProperty.call(root, 'security')) return root.security;
  return undefined;
}

/** The security schemes a document defines: `components.securitySchemes` (3.x) or `securityDefinitions` (2.0). */
export function securitySchemesOf(root: JsonObject): JsonObject {
  return isObject(root.securityDefinitions)
    ? root.securityDefinitions
    : asObject(asObject(root.components).securitySchemes);
}

export function securityFacts(security: unknown, schemes: JsonObject): SecurityFacts {
  const requirements = asArray(security);
  const schemeNames = [...new Set(requirements.flatMap((requirement) => Object.keys(asObject(requirement))))];
  const optional = requirements.some((requirement) => isObject(requirement) && Object.keys(requirement).length === 0);
  const namesAuthentication = schemeNames.some((name) => asObject(schemes[name]).type !== 'mutualTLS');
  const secured = requirements.length > 0 && !optional && namesAuthentication;
  const scoped =
    secured &&
    requirements.some((requirement) =>
      Object.values(asObject(requirement)).some((scopes) => Array.isArray(scopes) && scopes.length > 0),
    );
  return {
    declared: security !== undefined,
    explicitlyNone: Array.isArray(security) && security.length === 0,
    optional,
    secured,
    scoped,
    schemeNames,
    awsSigV4Only: secured && schemeNames.every((name) => isAwsSigV4Scheme(schemes[name])),
  };
}

/** An AWS API Gateway scheme that signs requests with Signature Version 4. */
export function isAwsSigV4Scheme(scheme: unknown): boolean {
  const definition = asObject(scheme);
  const authType = definition['x-amazon-apigateway-authtype'];
  return definition.type === 'apiKey' && typeof authType === 'string' && authType.toLowerCase() === 'awssigv4';
}

/** IANA's HTTP Authentication Scheme Registry, to spell `scheme: bearer` the way challenges write it. */
const REGISTERED_AUTH_SCHEMES = new Map(
  ['Basic', 'Bearer', 'Concealed', 'Digest', 'DPoP', 'GNAP', 'HOBA', 'Mutual', 'Negotiate', 'OAuth', 'PrivateToken',
    'SCRAM-SHA-1', 'SCRAM-SHA-256', 'vapid'].map((scheme) => [scheme.toLowerCase(), scheme]),
);

/**
 * The HTTP auth-scheme a security scheme expects in `Authorization` and names in `WWW-Authenticate`:
 * `http` → its `scheme`; `oauth2`/`openIdConnect` → `Bearer`; 2.0 `basic` → `Basic`; anything else → unknown.
 */
export function authSchemeOf(scheme: unknown): string | undefined {
  const definition = asObject(scheme);
  switch (definition.type) {
    case 'http':
      return typeof definition.scheme === 'string' && definition.scheme.length > 0
        ? (REGISTERED_AUTH_SCHEMES.get(definition.scheme.toLowerCase()) ?? definition.scheme)
        : undefined;
    case 'oauth2':
    case 'openIdConnect':
      return 'Bearer';
    case 'basic':
      return 'Basic';
    default:
      return undefined;
  }
}

export function isApiKeyScheme(scheme: unknown): boolean {
  return asObject(scheme).type === 'apiKey';
}

/** The auth-schemes (`Bearer`, `Basic`, ...) of the named security schemes, without repeats or unknowns. */
export function authSchemesNamed(schemeNames: readonly string[], schemes: JsonObject): string[] {
  const found = new Map<string, string>();
  for (const name of schemeNames) {
    const authScheme = authSchemeOf(schemes[name]);
    if (authScheme !== undefined && !found.has(authScheme.toLowerCase())) found.set(authScheme.toLowerCase(), authScheme);
  }
  return [...found.values()];
}

/** Every scope or role the effective security asks for, without repeats. */
export function scopesNamed(security: unknown): string[] {
  const scopes = asArray(security).flatMap((requirement) =>
    Object.values(asObject(requirement)).flatMap((list) => asArray(list).filter((s): s is string => typeof s === 'string')),
  );
  return [...new Set(scopes)];
}

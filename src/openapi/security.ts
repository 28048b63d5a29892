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
  /** Secured, and some requirement lists at least one scope or role (whatever the rest of the document asks). */
  listsScopes: boolean;
  /**
   * Lists scopes (`listsScopes`), and the document's scopes tell its operations apart: not scoped when at least two
   * operations list scopes and each scheme is always asked for the same scopes (`scopesTellNothing`), as Azure's
   * `user_impersonation` on every operation does; such scopes say no more than "secured". `securityFacts` sees one
   * operation and gives `listsScopes`; `documentFactsOf` compares the document's operations and settles it.
   */
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
  const listsScopes =
    secured &&
    requirements.some((requirement) =>
      Object.values(asObject(requirement)).some((scopes) => Array.isArray(scopes) && scopes.length > 0),
    );
  return {
    declared: security !== undefined,
    explicitlyNone: Array.isArray(security) && security.length === 0,
    optional,
    secured,
    listsScopes,
    // One operation alone cannot tell whether its scopes tell it apart: `documentFactsOf` settles this.
    scoped: listsScopes,
    schemeNames,
    awsSigV4Only: secured && schemeNames.every((name) => isAwsSigV4Scheme(schemes[name])),
  };
}

/** A scope list as one key that compares it as a set: `[b, a, a]` and `[a, b]` give the same key. */
function scopesKey(scopes: unknown): string {
  return JSON.stringify(
    [...new Set(asArray(scopes).filter((scope): scope is string => typeof scope === 'string'))].sort(),
  );
}

/**
 * Whether the scopes of a document say no more than "secured": given the effective security of every operation
 * that lists scopes, at least two of them, each scheme is always asked for the same scopes (Azure's
 * `user_impersonation`, Google's `cloud-platform`, or a sandbox and a production scheme that each always ask for
 * `payments`). Operations secured without scopes do not take part. A document in which one scheme is asked for
 * different scopes (reads take read-only scopes, writes full ones), or with one operation that lists scopes, gives
 * false.
 */
export function scopesTellNothing(scopeListingSecurities: readonly unknown[]): boolean {
  if (scopeListingSecurities.length < 2) return false;
  const askedOf = new Map<string, string>();
  // Most operations share the root `security`: each distinct value is read once.
  for (const security of new Set(scopeListingSecurities)) {
    for (const requirement of asArray(security)) {
      for (const [scheme, scopes] of Object.entries(asObject(requirement))) {
        const key = scopesKey(scopes);
        const before = askedOf.get(scheme);
        if (before === undefined) askedOf.set(scheme, key);
        else if (before !== key) return false;
      }
    }
  }
  return true;
}

/** An AWS API Gateway scheme that signs requests with Signature Version 4. */
export function isAwsSigV4Scheme(scheme: unknown): boolean {
  const definition = asObject(scheme);
  const authType = definition['x-amazon-apigateway-authtype'];
  return definition.type === 'apiKey' && typeof authType === 'string' && authType.toLowerCase() === 'awssigv4';
}

/** IANA's HTTP Authentication Scheme Registry, to spell `scheme: bearer` the way challenges write it. */
const REGISTERED_AUTH_SCHEMES = new Map(
  [
    'Basic',
    'Bearer',
    'Concealed',
    'Digest',
    'DPoP',
    'GNAP',
    'HOBA',
    'Mutual',
    'Negotiate',
    'OAuth',
    'PrivateToken',
    'SCRAM-SHA-1',
    'SCRAM-SHA-256',
    'vapid',
  ].map((scheme) => [scheme.toLowerCase(), scheme]),
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
    if (authScheme !== undefined && !found.has(authScheme.toLowerCase()))
      found.set(authScheme.toLowerCase(), authScheme);
  }
  return [...found.values()];
}

/** Every scope or role the effective security asks for, without repeats. */
export function scopesNamed(security: unknown): string[] {
  const scopes = asArray(security).flatMap((requirement) =>
    Object.values(asObject(requirement)).flatMap((list) =>
      asArray(list).filter((s): s is string => typeof s === 'string'),
    ),
  );
  return [...new Set(scopes)];
}

/**
 * An apiKey sent in the `Authorization` header: HTTP authentication declared the Swagger 2.0 way (Kubernetes'
 * `BearerToken`), since 2.0 has no `http` type for bearer tokens. Header names compare case-insensitively.
 */
export function isAuthorizationHeaderApiKey(scheme: unknown): boolean {
  const definition = asObject(scheme);
  return (
    definition.type === 'apiKey' &&
    definition.in === 'header' &&
    typeof definition.name === 'string' &&
    definition.name.toLowerCase() === 'authorization'
  );
}

/**
 * Whether the server refuses a caller of this scheme with an HTTP challenge (RFC 9110 §11.6.1): `http`,
 * `oauth2`, `openIdConnect`, 2.0 `basic`, and an apiKey in the `Authorization` header. Other API keys (a header
 * or query parameter of their own) and `mutualTLS` define none; AWS SigV4 (an apiKey in `Authorization`) answers
 * a bad signature with 403, never a challenge.
 */
export function definesChallenge(scheme: unknown): boolean {
  if (isAwsSigV4Scheme(scheme)) return false;
  const type = asObject(scheme).type;
  const httpAuthentication = type === 'http' || type === 'oauth2' || type === 'openIdConnect' || type === 'basic';
  return httpAuthentication || isAuthorizationHeaderApiKey(scheme);
}

/**
 * A registered auth-scheme as a word of free text, compared case-insensitively. `OAuth` followed by `2` is
 * OAuth 2.0, whose tokens are Bearer tokens, not RFC 5849's `OAuth` scheme.
 */
const SCHEME_WORDS = [...REGISTERED_AUTH_SCHEMES.values()].map((scheme) =>
  scheme === 'OAuth' ? 'OAuth(?!\\s*v?2)' : scheme,
);
const REGISTERED_SCHEME_WORD = new RegExp(`(?<![\\w-])(${SCHEME_WORDS.join('|')})(?!\\w)`, 'i');

/** The first registered auth-scheme a text names (`Bearer` in "Use Bearer <token>"), in its registered spelling. */
export function registeredAuthSchemeNamedIn(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  const match = REGISTERED_SCHEME_WORD.exec(text);
  return match === null ? undefined : REGISTERED_AUTH_SCHEMES.get(match[1].toLowerCase());
}

/**
 * A capitalised word written before a placeholder, as descriptions show the `Authorization` value
 * ("NetworkInsight {token}", "SSWS <api key>"): the scheme a vendor made up. The look-behind lets a match start
 * only at the start of a word, so the scan stays linear.
 */
const SCHEME_BEFORE_PLACEHOLDER = /(?<![\w-])([A-Z][\w-]*)[ \t]+(?:\{[^{}\n]{1,64}\}|<[^<>\n]{1,64}>)/;

/** The scheme a description shows in its `Authorization` value: a registered one it names, else a made-up one. */
export function authSchemeDescribedIn(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  return registeredAuthSchemeNamedIn(text) ?? SCHEME_BEFORE_PLACEHOLDER.exec(text)?.[1];
}

/**
 * The auth-scheme a scheme's challenge names, when it defines one: `authSchemeOf` for `http`, `oauth2`,
 * `openIdConnect` and `basic`; for an apiKey in `Authorization`, the scheme its description shows ("Bearer
 * <token>", "NetworkInsight {token}"), else `Bearer`, what such keys almost always carry. Undefined for an `http`
 * scheme without a `scheme` name, and for schemes without a challenge.
 */
export function challengeAuthSchemeOf(scheme: unknown): string | undefined {
  if (!definesChallenge(scheme)) return undefined;
  if (isAuthorizationHeaderApiKey(scheme)) return authSchemeDescribedIn(asObject(scheme).description) ?? 'Bearer';
  return authSchemeOf(scheme);
}

/** The realm that example challenges name (the fixer writes the same). */
export const EXAMPLE_REALM = 'api';

/** The challenge example for a scheme, `Basic realm="api"`, or undefined when it has none to give. */
export function challengeExampleOf(scheme: unknown): string | undefined {
  const authScheme = challengeAuthSchemeOf(scheme);
  return authScheme === undefined ? undefined : `${authScheme} realm="${EXAMPLE_REALM}"`;
}

/** What the rules ask of the schemes an operation names, answered once per scheme name and document. */
export interface ChallengeLookup {
  /** Some of the named schemes defines a challenge (see `definesChallenge`). */
  accepts(schemeNames: readonly string[]): boolean;
  /** The challenge examples of the named schemes, in order, without repeats. */
  examples(schemeNames: readonly string[]): string[];
  /**
   * Every named scheme is defined and none defines a challenge: API keys of their own header or query parameter
   * (with `mutualTLS`, if any). A 401 still answers a missing key, but no WWW-Authenticate challenge applies.
   */
  keysOnly(schemeNames: readonly string[]): boolean;
}

interface SchemeChallenge {
  defines: boolean;
  example: string | undefined;
  keyOrCertificate: boolean;
}

/**
 * A `ChallengeLookup` over the document's schemes: each scheme is read once (its description may be long),
 * however many of the document's operations name it.
 */
export function challengeLookup(schemes: JsonObject): ChallengeLookup {
  const byName = new Map<string, SchemeChallenge>();
  const of = (name: string): SchemeChallenge => {
    let found = byName.get(name);
    if (found === undefined) {
      const scheme = ownValue(schemes, name);
      const type = asObject(scheme).type;
      found = {
        defines: definesChallenge(scheme),
        example: challengeExampleOf(scheme),
        keyOrCertificate: type === 'apiKey' || type === 'mutualTLS',
      };
      byName.set(name, found);
    }
    return found;
  };
  const accepts = (schemeNames: readonly string[]) => schemeNames.some((name) => of(name).defines);
  // Most operations name the same few combinations of schemes: their examples are worked out once each.
  const examplesByNames = new Map<string, string[]>();
  const examples = (schemeNames: readonly string[]): string[] => {
    const key = JSON.stringify(schemeNames);
    let found = examplesByNames.get(key);
    if (found === undefined) {
      const named = schemeNames.map((name) => of(name).example);
      found = [...new Set(named.filter((example): example is string => example !== undefined))];
      examplesByNames.set(key, found);
    }
    return found;
  };
  return {
    accepts,
    examples,
    keysOnly: (schemeNames) => schemeNames.every((name) => of(name).keyOrCertificate) && !accepts(schemeNames),
  };
}

/** `object[key]` when it is the object's own (a scheme named `constructor` is not Object's constructor). */
function ownValue(object: JsonObject, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

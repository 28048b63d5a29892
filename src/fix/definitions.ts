import type { OpenApiVersion } from '../openapi/responses';

/**
 * What the fixer writes: the shared responses, the WWW-Authenticate header and the missing-scopes property.
 * Plain data; the file's own syntax is chosen when it is written. Descriptions avoid the words the misuse rules
 * look for ("permission" in a 401, "missing token" in a 403), so a repair never causes a finding of its own.
 */

export type SharedResponseName = 'Unauthorized' | 'Forbidden' | 'NotFound';

/** The realm named in the challenges the fixer documents. */
export const REALM = 'api';

export const NOT_FOUND_DESCRIPTION = 'The item does not exist or is not visible to the caller.';

/**
 * The header a 401 needs (RFC 9110 §11.6.1): one documented challenge per auth-scheme the document uses
 * (`Bearer realm="api"`, `Basic realm="api"`), so that every operation finds its own scheme among them.
 * With no known auth-scheme (API keys only), the header is described without a challenge value.
 */
export function wwwAuthenticateHeader(
  version: OpenApiVersion,
  authSchemes: readonly string[],
): Record<string, unknown> {
  const description = 'How to authenticate, one challenge per accepted scheme (RFC 9110 §11.6.1).';
  const challenges = authSchemes.map((scheme) => `${scheme} realm="${REALM}"`);
  if (version === '2.0') {
    if (challenges.length === 0) return { type: 'string', description };
    // 2.0 headers have no `example`: `x-example` for one challenge, `enum` for several.
    return challenges.length === 1
      ? { type: 'string', description, 'x-example': challenges[0] }
      : { type: 'string', description, enum: challenges };
  }
  if (challenges.length === 0) return { description, schema: { type: 'string' } };
  if (challenges.length === 1) return { description, schema: { type: 'string', example: challenges[0] } };
  return {
    description,
    schema: { type: 'string' },
    examples: Object.fromEntries(authSchemes.map((scheme, index) => [scheme, { value: challenges[index] }])),
  };
}

export function unauthorizedResponse(version: OpenApiVersion, authSchemes: readonly string[]): Record<string, unknown> {
  return {
    description:
      'The request has no valid credentials (none, malformed or expired); WWW-Authenticate says how to authenticate.',
    headers: { 'WWW-Authenticate': wwwAuthenticateHeader(version, authSchemes) },
  };
}

export function notFoundResponse(): Record<string, unknown> {
  return { description: NOT_FOUND_DESCRIPTION };
}

/** The body property that names what a 403's caller lacks. */
export function missingGrantsProperty(scoped: boolean): [string, Record<string, unknown>] {
  return scoped
    ? [
        'missing_scopes',
        { type: 'array', description: 'The scopes the caller lacks, to ask for them.', items: { type: 'string' } },
      ]
    : [
        'missing_permissions',
        { type: 'array', description: 'The permissions the caller lacks.', items: { type: 'string' } },
      ];
}

/** An RFC 9457 problem body that names what the caller lacks. */
export function problemSchema(scoped: boolean): Record<string, unknown> {
  const [name, property] = missingGrantsProperty(scoped);
  return {
    type: 'object',
    properties: { title: { type: 'string' }, detail: { type: 'string' }, [name]: property },
  };
}

/** The 403 body, where a response keeps it: 3.x `content`, 2.0 `schema`. */
export function problemBody(version: OpenApiVersion, scoped: boolean): [string, unknown] {
  return version === '2.0'
    ? ['schema', problemSchema(scoped)]
    : ['content', { 'application/problem+json': { schema: problemSchema(scoped) } }];
}

/**
 * The shared 403: a problem body with `missing_scopes`, and (when the document uses bearer tokens) the RFC 6750
 * §3.1 challenge `Bearer error="insufficient_scope", scope="..."`, shown with one of the document's scopes.
 */
export function forbiddenResponse(
  version: OpenApiVersion,
  bearer: boolean,
  exampleScope: string | undefined,
): Record<string, unknown> {
  const response: Record<string, unknown> = {
    description: 'The caller is known but lacks a scope this operation needs; missing_scopes names them.',
  };
  if (bearer) {
    const challenge = `Bearer error="insufficient_scope", scope="${exampleScope ?? 'the scopes needed'}"`;
    const description = 'The scopes the operation needs (RFC 6750 §3.1).';
    response.headers = {
      'WWW-Authenticate':
        version === '2.0'
          ? { type: 'string', description, 'x-example': challenge }
          : { description, schema: { type: 'string', example: challenge } },
    };
  }
  const [key, body] = problemBody(version, true);
  response[key] = body;
  return response;
}

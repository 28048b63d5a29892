import type { ISpectralDiagnostic } from '@stoplight/spectral-core';
import { documentFrom, lint } from '../helpers/lint';

/**
 * Regressions from the real-world corpus (docs/real-world.md): each fixture is a small rewritten excerpt of a
 * public API description, and each case asserts exactly what the named rules report on it, so a finding that
 * comes back, moves, or multiplies fails here.
 */

type Findings = { code: string; path: string; line: number; message: string }[];

const cache = new Map<string, Promise<Findings>>();

function findingsIn(file: string): Promise<Findings> {
  if (!cache.has(file)) {
    cache.set(
      file,
      lint(documentFrom({ file: `real-world/${file}` })).then((results: ISpectralDiagnostic[]) =>
        results.map((result) => ({
          code: String(result.code),
          path: result.path.join('.'),
          line: result.range.start.line + 1,
          message: result.message,
        })),
      ),
    );
  }
  return cache.get(file)!;
}

async function pathsOf(file: string, rule: string): Promise<string[]> {
  return (await findingsIn(file))
    .filter((finding) => finding.code === rule)
    .map((finding) => finding.path)
    .sort();
}

describe('GitHub: no security declared, shared 401/404 responses', () => {
  const file = 'github-no-security.oas3.yaml';

  test('one document-level finding for 401s documented without any security, with the count', async () => {
    const findings = (await findingsIn(file)).filter((finding) => finding.code === 'auth-401-without-security');
    expect(findings).toHaveLength(1);
    expect(findings[0].path).toBe('');
    expect(findings[0].message).toContain('4 operations document a 401');
    expect(findings[0].message).toContain('`components.securitySchemes` and a root `security` requirement');
  });

  test("a listing's shared 404 is reported at the operation's own 404 entry, the line to delete", async () => {
    expect(await pathsOf(file, 'auth-no-404-collection')).toEqual([
      'paths./issues.get.responses.404',
      'paths./user/blocks.get.responses.404',
    ]);
    const blocks = (await findingsIn(file)).find((f) => f.path === 'paths./user/blocks.get.responses.404')!;
    expect(blocks.line).toBe(18);
  });

  test('a search scoped to one repository by a required query id may 404 like a nested listing', async () => {
    const paths = (await findingsIn(file)).map((finding) => finding.path);
    expect(paths.filter((path) => path.includes('/search/labels'))).toEqual([]);
  });

  test('no WWW-Authenticate is asked of 401s that no declared scheme defines a challenge for (that is the missing security)', async () => {
    expect(await pathsOf(file, 'auth-401-www-authenticate')).toEqual([]);
  });

  test('nothing asks an undeclared-security document for 401s, 403s or 404s', async () => {
    for (const rule of ['auth-401-documented', 'auth-403-documented', 'auth-404-protected-item']) {
      expect(await pathsOf(file, rule)).toEqual([]);
    }
  });
});

describe('Blockfrost: one apiKey, shared 403/404 on every operation', () => {
  const file = 'blockfrost-api-key.oas3.yaml';

  test('a listing with a 404 is reported; a singleton that holds an array property is not a listing', async () => {
    expect(await pathsOf(file, 'auth-no-404-collection')).toEqual(['paths./pools.get.responses.404']);
  });

  test('secured item paths without 404 are reported; public operations are not', async () => {
    expect(await pathsOf(file, 'auth-404-protected-item')).toEqual(['paths./governance/dreps/{drep_id}.get.responses']);
    // No operation documents a 401: one finding for the document, counting the three.
    const documented = (await findingsIn(file)).filter((finding) => finding.code === 'auth-401-documented');
    expect(documented.map((finding) => finding.path)).toEqual(['']);
    expect(documented[0].message).toContain('yet 3 operations require authentication');
    for (const operation of ['GET /governance/committee', 'GET /governance/dreps/{drep_id}', 'GET /pools']) {
      expect(documented[0].message).toContain(operation);
    }
  });

  test('the shared 403 "Authentication secret is missing or invalid" is an authentication failure, reported once', async () => {
    expect(await pathsOf(file, 'auth-403-misused-for-authentication')).toEqual(['components.responses.403']);
  });

  test('an apiKey-only API is not asked for 403 scopes', async () => {
    expect(await pathsOf(file, 'auth-403-documented')).toEqual([]);
    expect(await pathsOf(file, 'auth-403-describes-scopes')).toEqual([]);
  });
});

describe('Directus: root security of two apiKey alternatives, `data` envelopes', () => {
  const file = 'directus-alternatives.oas3.yaml';

  test('alternatives of apiKey requirements secure the operation; `security: []` does not', async () => {
    expect(await pathsOf(file, 'auth-401-documented')).toEqual([]);
    expect(await pathsOf(file, 'auth-404-protected-item')).toEqual(['paths./items/{collection}.get.responses']);
  });

  test('a `data` array envelope is a listing; a `data` object (the current user) is a singleton', async () => {
    expect(await pathsOf(file, 'auth-no-404-collection')).toEqual(['paths./users.get.responses.404']);
  });

  test('the shared 401 without WWW-Authenticate is reported once, at its definition', async () => {
    expect(await pathsOf(file, 'auth-401-www-authenticate')).toEqual(['components.responses.UnauthorizedError']);
  });
});

describe('Figma: a personal token or OAuth2 with scopes', () => {
  const file = 'figma-scoped-alternatives.oas31.yaml';

  test('an operation is scoped when one alternative asks for scopes', async () => {
    expect(await pathsOf(file, 'auth-403-documented')).toEqual(['paths./v1/oembed.get.responses']);
  });

  test('a shared 403 that names no missing scope is reported once, at the component', async () => {
    expect(await pathsOf(file, 'auth-403-describes-scopes')).toEqual([
      'components.responses.ForbiddenErrorResponseWithErrMessage',
    ]);
  });

  test('a 403 that speaks of permissions is not taken for an authentication failure', async () => {
    expect(await pathsOf(file, 'auth-403-misused-for-authentication')).toEqual([]);
    expect(await pathsOf(file, 'auth-401-misused-for-permissions')).toEqual([]);
  });
});

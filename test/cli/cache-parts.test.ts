import { Ruleset } from '@stoplight/spectral-core';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CacheEntry, readCacheFile, writeCacheFile } from '../../src/cli/cache-file';
import type { Setup } from '../../src/cli/document-pipeline';
import { cacheFileOf } from '../../src/cli/lint-cache';
import { lintFingerprint } from '../../src/cli/lint-fingerprint';
import { createRuleset } from '../../src/ruleset';
import { removeWorkspace, workspace } from './run-cli';

/** The pure parts of `--cache`; the command itself is tested through the bin in cache.test.ts. */
describe('lintFingerprint', () => {
  const ruleset = new Ruleset(createRuleset());
  const setupIn = (base: string, change: Partial<Setup> = {}): Setup => ({
    ruleset,
    rulesetFile: join(base, '.spectral.yaml'),
    rulesetSources: [{ id: '.spectral.js', sha256: 'a'.repeat(64) }],
    policy: { allowRemoteRefs: false, allowedDirectories: [join(base, 'shared')], maxFileMegabytes: 32 },
    limits: { maxFileMegabytes: 32 },
    ...change,
  });
  const commandFolder = join(__dirname, '../../dist');
  const fingerprint = (base: string, change: Partial<Setup> = {}) =>
    lintFingerprint(setupIn(base, change), base, commandFolder);

  test('is the same for the same setup, in another folder too', () => {
    expect(fingerprint('/repo')).toBe(fingerprint('/repo'));
    expect(fingerprint('/elsewhere/repo')).toBe(fingerprint('/repo'));
  });

  test.each<[string, Partial<Setup>]>([
    ['a module of the ruleset', { rulesetSources: [{ id: '.spectral.js', sha256: 'b'.repeat(64) }] }],
    ['another ruleset file', { rulesetFile: '/repo/apis/.spectral.yaml' }],
    ['the rules', { ruleset: new Ruleset({ ...createRuleset(), rules: {} }) }],
    ['the allowed folders', { policy: { allowRemoteRefs: false, allowedDirectories: [], maxFileMegabytes: 32 } }],
    ['the size limit', { limits: { maxFileMegabytes: 64 } }],
  ])('changes with %s', (_name, change) => {
    expect(fingerprint('/repo', change)).not.toBe(fingerprint('/repo'));
  });
});

describe('the cache file', () => {
  let root: string;
  beforeAll(() => {
    root = workspace({ 'folder/.keep': '' });
  });
  afterAll(() => removeWorkspace(root));

  const entry: CacheEntry = {
    fingerprint: 'f',
    sha256: 's',
    filesRead: { 'shared/errors.yaml': 'e' },
    results: [
      {
        code: 'auth-401-documented',
        message: 'm',
        path: ['paths'],
        severity: 0,
        source: 'a.yaml',
        range: { start: { line: 1, character: 2 }, end: { line: 3, character: 4 } },
      },
    ],
  };

  test('is read back as written, sorted by path, starting with its format', async () => {
    const file = join(root, 'sub/cache.json');
    expect(
      await writeCacheFile(
        file,
        new Map([
          ['b.yaml', entry],
          ['a.yaml', entry],
        ]),
      ),
    ).toBeUndefined();
    expect(readFileSync(file, 'utf8')).toMatch(
      /^\{"format":"spectral-auth-responses-cache","version":1,"documents":\{"a\.yaml"/,
    );
    const read = await readCacheFile(file);
    expect(read).toEqual({
      entries: new Map([
        ['a.yaml', entry],
        ['b.yaml', entry],
      ]),
      writable: true,
    });
  });

  test('a missing or empty file is an empty cache, without a note', async () => {
    expect(await readCacheFile(join(root, 'missing.json'))).toEqual({ entries: new Map(), writable: true });
    writeFileSync(join(root, 'empty.json'), '');
    expect(await readCacheFile(join(root, 'empty.json'))).toEqual({ entries: new Map(), writable: true });
  });

  test('a write that fails says why, and leaves no temporary file', async () => {
    mkdirSync(join(root, 'taken/cache.json'), { recursive: true });
    writeFileSync(join(root, 'taken/cache.json/inside'), '');
    expect(await writeCacheFile(join(root, 'taken/cache.json'), new Map())).toMatch(/^cannot write it \(/);
    expect(readdirSync(join(root, 'taken'))).toEqual(['cache.json']);
  });
});

describe('cacheFileOf', () => {
  test('the default name in the working directory, a file, or the default name in a folder', () => {
    expect(cacheFileOf(undefined, '/repo')).toBe('/repo/.spectral-auth-responses-cache');
    expect(cacheFileOf('ci/lint.cache', '/repo')).toBe('/repo/ci/lint.cache');
    expect(cacheFileOf('.cache/', '/repo')).toBe('/repo/.cache/.spectral-auth-responses-cache');
    expect(cacheFileOf('.', '/')).toBe('/.spectral-auth-responses-cache');
  });
});

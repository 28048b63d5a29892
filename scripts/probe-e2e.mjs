// `npm run probe:e2e`: `probe` against a real server that nobody here wrote and that publishes its own OpenAPI
// description (issue 14): Directus, a headless CMS, with SQLite. Opt-in, never part of `npm test`.
// - Installs directus@DIRECTUS_VERSION from the npm registry into .cache/probe-e2e/ (git-ignored), once: the first
//   run takes about 10 minutes on two cores (isolated-vm and sqlite3 are compiled) and 470 MB; later runs reuse it.
// - Starts it on 127.0.0.1 on a free port, its data (SQLite file, uploads) in a temporary folder, no outside network
//   (its update check is skipped by starting @directus/api's CLI directly, telemetry off).
// - Through Directus' own API, as the administrator made by `directus bootstrap`: a collection `notes` whose
//   `user_created` field Directus fills in; a policy that reads only one's own notes and creates notes; a role with
//   that policy; three users with static tokens: owner and other (that role), unscoped (no role, no policy). The
//   owner creates one note.
// - Fetches the description the server publishes (GET /server/specs/oas, as the owner: Directus describes what the
//   caller may reach) and writes a credentials file in probe's format, both into .cache/probe-e2e/last-run/.
// - Runs `spectral-auth-responses probe` (JSON) twice: on that description, then on a copy with one change, the item
//   read secured like its collection (withItemSecured says why); prints the findings and keeps the reports there.
// - Stops the server and removes its data, always: on success, on errors and on Ctrl-C.
// `--keep-running` leaves the server up until Ctrl-C, to run the printed commands by hand.
// What the findings are and whether they are right: docs/probe.md, "A real server: Directus".
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ROOT } from './lib-corpus.mjs';

const DIRECTUS_VERSION = '11.3.5';
const CACHE = join(ROOT, '.cache', 'probe-e2e');
const INSTALL = join(CACHE, `directus-${DIRECTUS_VERSION}`);
const INSTALLED_MARK = join(INSTALL, 'installed');
// The CLI that the `directus` binary imports after its update check, which asks the npm registry for a newer version.
const DIRECTUS_CLI = join(INSTALL, 'node_modules', '@directus', 'api', 'dist', 'cli', 'run.js');
const LAST_RUN = join(CACHE, 'last-run');
const COMMAND = join(ROOT, 'dist', 'cli.js');
const READY_WITHIN_MS = 60_000;
const STOP_WITHIN_MS = 10_000;
const COLLECTION_READ = 'GET /items/notes';
const ITEM_READ = 'GET /items/notes/{id}';

/**
 * The server while it runs, where its data is, and the administrator's static token.
 * @typedef {{ child: import('node:child_process').ChildProcess, url: string, dataDir: string, log: string,
 *   adminToken: string }} Running
 * One role's static token, and the environment variable the credentials file names it by.
 * @typedef {{ role: 'owner' | 'other' | 'unscoped', variable: string, token: string }} Caller
 * As much of an OpenAPI description as the script reads.
 * @typedef {{ paths?: Record<string, Record<string, { security?: unknown[] } | undefined> | undefined> }} OpenApi
 */

class Failure extends Error {}

const keepRunning = parseArguments(process.argv.slice(2));
/** @type {Running | undefined} */
let running;
let stopping = false;
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the server`);
    void stopServer().finally(() => process.exit(130));
  });
}
// The last resort if the script dies some other way: a server left running would keep its port and data.
process.on('exit', () => running?.child.kill('SIGKILL'));

try {
  await main();
} catch (error) {
  console.error(error instanceof Failure ? error.message : error);
  process.exitCode = 1;
} finally {
  await stopServer();
}

async function main() {
  if (!existsSync(COMMAND)) {
    throw new Failure('dist/ is not built: run `npm run build` first (`npm run probe:e2e` does).');
  }
  ensureInstalled();
  running = await startServer();
  console.log(`Directus ${DIRECTUS_VERSION} is up at ${running.url} (data in ${running.dataDir})`);
  const { callers, noteId } = await setUpRoles(running.url, running.adminToken);
  const owner = callerOf(callers, 'owner');

  rmSync(LAST_RUN, { recursive: true, force: true });
  mkdirSync(LAST_RUN, { recursive: true });
  const published = /** @type {OpenApi} */ (await call(running.url, 'GET', '/server/specs/oas', owner.token));
  const credentials = join(LAST_RUN, 'credentials.yaml');
  writeFileSync(credentials, credentialsFile(callers, noteId));
  const passes = [{ label: 'the description as Directus publishes it', name: 'directus-openapi', document: published }];
  const itemSecured = withItemSecured(published);
  if (itemSecured !== undefined) {
    passes.push({
      label: `the same with one change: ${ITEM_READ} given the security requirement of ${COLLECTION_READ}`,
      name: 'directus-openapi.item-secured',
      document: itemSecured,
    });
  }
  const tokens = Object.fromEntries(callers.map((caller) => [caller.variable, caller.token]));
  /** @type {string[]} */
  const commands = [];
  for (const pass of passes) {
    const description = join(LAST_RUN, `${pass.name}.json`);
    writeFileSync(description, `${JSON.stringify(pass.document, null, 2)}\n`);
    const args = ['probe', description, '--server', running.url, '--credentials', credentials, '--format', 'json'];
    const command = [
      ...callers.map((caller) => `${caller.variable}=${caller.token}`),
      'node',
      ...[COMMAND, ...args].map((arg) => (arg.startsWith(ROOT) ? relative(ROOT, arg) : arg)),
    ].join(' ');
    commands.push(command);
    console.log(`\n${pass.label}:`);
    await runProbe(args, tokens, join(LAST_RUN, `${pass.name}.report.json`));
  }
  console.log(`\nThe descriptions (as the owner sees them), the credentials and reports: ${relative(ROOT, LAST_RUN)}/`);
  if (keepRunning) {
    console.log(`The server stays up at ${running.url} until Ctrl-C. The probe commands:`);
    for (const command of commands) console.log(`  ${command}`);
    const { child } = running;
    await new Promise((done) => child.once('exit', done));
  }
}

/**
 * Directus' description declares a security requirement for GET /items/notes but none for GET /items/notes/{id},
 * which it answers just as carefully (lint: auth-401-without-security), so probe leaves the item read alone. The copy
 * gives the item read the listing's requirement, so that the checks of one item (hidden items above all) run too.
 * Undefined when the description already secures the item read, or lacks either operation.
 * @param {OpenApi} published
 * @returns {OpenApi | undefined}
 */
function withItemSecured(published) {
  const copy = /** @type {OpenApi} */ (structuredClone(published));
  const listing = copy.paths?.['/items/notes']?.get;
  const item = copy.paths?.['/items/notes/{id}']?.get;
  if (listing?.security === undefined || item === undefined || item.security !== undefined) return undefined;
  item.security = listing.security;
  return copy;
}

/**
 * Installs the pinned Directus into the cache folder unless a finished install of that version is there. npm's own
 * settings for this project (its .npmrc, the `npm run` environment) are kept out: this is another package's install.
 */
function ensureInstalled() {
  if (existsSync(INSTALLED_MARK) && readFileSync(INSTALLED_MARK, 'utf8').trim() === DIRECTUS_VERSION) return;
  console.log(
    `Installing directus@${DIRECTUS_VERSION} into ${relative(ROOT, INSTALL)} from the npm registry: the first run ` +
      'only, about 10 minutes on two cores (isolated-vm and sqlite3 are compiled), 470 MB.',
  );
  rmSync(INSTALL, { recursive: true, force: true });
  mkdirSync(INSTALL, { recursive: true });
  writeFileSync(join(INSTALL, 'package.json'), '{ "private": true }\n');
  const started = Date.now();
  const logFile = join(INSTALL, 'install.log');
  const log = openSync(logFile, 'w');
  const npm = spawnSync(
    'npm',
    ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', INSTALL, `directus@${DIRECTUS_VERSION}`],
    { cwd: INSTALL, env: withoutNpmSettings(process.env), stdio: ['ignore', log, log] },
  );
  closeSync(log);
  if (npm.status !== 0 || !existsSync(DIRECTUS_CLI)) {
    throw new Failure(
      `npm install failed (exit ${npm.status}); the end of ${relative(ROOT, logFile)}:\n${tail(logFile)}`,
    );
  }
  writeFileSync(INSTALLED_MARK, `${DIRECTUS_VERSION}\n`);
  console.log(`Installed in ${((Date.now() - started) / 60_000).toFixed(1)} minutes.`);
}

/** @param {NodeJS.ProcessEnv} env */
function withoutNpmSettings(env) {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !/^npm_(config|package|lifecycle)_/i.test(name)));
}

/**
 * `directus bootstrap` (the schema and an administrator with a static token), then `directus start`, until
 * GET /server/ping answers.
 * @returns {Promise<Running>}
 */
async function startServer() {
  const dataDir = mkdtempSync(join(tmpdir(), 'probe-e2e-directus-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  for (const folder of ['uploads', 'extensions']) mkdirSync(join(dataDir, folder));
  // Only what Directus needs: its settings are environment variables, and it reads a .env in its working directory.
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: url,
    DB_CLIENT: 'sqlite3',
    DB_FILENAME: join(dataDir, 'directus.sqlite'),
    KEY: randomBytes(16).toString('hex'),
    SECRET: randomBytes(32).toString('hex'),
    ADMIN_EMAIL: 'admin@example.com',
    ADMIN_PASSWORD: randomBytes(16).toString('hex'),
    ADMIN_TOKEN: randomBytes(24).toString('hex'),
    STORAGE_LOCATIONS: 'local',
    STORAGE_LOCAL_ROOT: join(dataDir, 'uploads'),
    EXTENSIONS_PATH: join(dataDir, 'extensions'),
    TELEMETRY: 'false',
    CACHE_ENABLED: 'false',
    LOG_LEVEL: 'warn',
  };
  const log = join(dataDir, 'directus.log');
  const bootstrap = spawnSync(process.execPath, [DIRECTUS_CLI, 'bootstrap'], {
    cwd: dataDir,
    env,
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (bootstrap.status !== 0) {
    rmSync(dataDir, { recursive: true, force: true });
    throw new Failure(`directus bootstrap failed (exit ${bootstrap.status}):\n${bootstrap.stdout}${bootstrap.stderr}`);
  }
  const out = openSync(log, 'w');
  const child = spawn(process.execPath, [DIRECTUS_CLI, 'start'], { cwd: dataDir, env, stdio: ['ignore', out, out] });
  closeSync(out);
  const server = { child, url, dataDir, log, adminToken: env.ADMIN_TOKEN };
  running = server;
  const deadline = Date.now() + READY_WITHIN_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Failure(`directus start exited (${child.exitCode ?? child.signalCode}):\n${tail(log)}`);
    }
    try {
      const ping = await fetch(`${url}/server/ping`, { signal: AbortSignal.timeout(2000) });
      if (ping.status === 200) return server;
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Failure(`Directus did not answer ${url}/server/ping within ${READY_WITHIN_MS / 1000} s:\n${tail(log)}`);
}

/**
 * The collection, the policy, the role, the three users and the owner's note, through Directus' REST API.
 * @param {string} url
 * @param {string} adminToken
 * @returns {Promise<{ callers: Caller[], noteId: string }>}
 */
async function setUpRoles(url, adminToken) {
  await call(url, 'POST', '/collections', adminToken, {
    collection: 'notes',
    meta: { icon: 'note' },
    schema: {},
    fields: [
      {
        field: 'id',
        type: 'integer',
        meta: { hidden: true, readonly: true, interface: 'input' },
        schema: { is_primary_key: true, has_auto_increment: true },
      },
      { field: 'title', type: 'string', meta: { interface: 'input' }, schema: {} },
      {
        field: 'user_created',
        type: 'uuid',
        meta: { special: ['user-created'], interface: 'select-dropdown-m2o', readonly: true, hidden: true },
        schema: {},
      },
    ],
  });
  const policy = await call(url, 'POST', '/policies', adminToken, {
    name: 'Own notes',
    icon: 'badge',
    app_access: false,
    admin_access: false,
  });
  const policyId = /** @type {{ data: { id: string } }} */ (policy).data.id;
  await call(url, 'POST', '/permissions', adminToken, {
    policy: policyId,
    collection: 'notes',
    action: 'read',
    fields: ['*'],
    permissions: { user_created: { _eq: '$CURRENT_USER' } },
  });
  await call(url, 'POST', '/permissions', adminToken, {
    policy: policyId,
    collection: 'notes',
    action: 'create',
    fields: ['title'],
    permissions: {},
  });
  const role = await call(url, 'POST', '/roles', adminToken, {
    name: 'Note takers',
    icon: 'person',
    policies: { create: [{ policy: policyId }] },
  });
  const roleId = /** @type {{ data: { id: string } }} */ (role).data.id;
  /** @type {Caller[]} */
  const callers = [];
  for (const name of /** @type {const} */ (['owner', 'other', 'unscoped'])) {
    const token = randomBytes(24).toString('hex');
    await call(url, 'POST', '/users', adminToken, {
      email: `${name}@example.com`,
      password: randomBytes(16).toString('hex'),
      status: 'active',
      role: name === 'unscoped' ? null : roleId,
      token,
    });
    callers.push({ role: name, variable: `DIRECTUS_${name.toUpperCase()}_TOKEN`, token });
  }
  const note = await call(url, 'POST', '/items/notes', callerOf(callers, 'owner').token, { title: "owner's note" });
  return { callers, noteId: String(/** @type {{ data: { id: number } }} */ (note).data.id) };
}

/**
 * @param {Caller[]} callers
 * @param {Caller['role']} role
 */
function callerOf(callers, role) {
  const caller = callers.find((candidate) => candidate.role === role);
  if (caller === undefined) throw new Failure(`no ${role} was made`);
  return caller;
}

/**
 * The credentials file in probe's format; the tokens themselves only in the environment of the probe.
 * @param {Caller[]} callers
 * @param {string} noteId
 */
function credentialsFile(callers, noteId) {
  const comments = {
    owner: `role Note takers: reads its own notes only (policy Own notes); made note ${noteId}`,
    other: 'role Note takers too, no notes of its own: must not see the owner’s',
    unscoped: 'a valid user with no role and no policy: may read no notes at all',
  };
  return [
    `# Written by scripts/probe-e2e.mjs for Directus ${DIRECTUS_VERSION}, started empty with its data in a temporary`,
    '# folder. Static tokens made for this run, given in the environment (the script prints them).',
    ...callers.flatMap((caller) => [
      `${caller.role}: # ${comments[caller.role]}`,
      `  headers: { Authorization: 'Bearer \${${caller.variable}}' }`,
    ]),
    '# Directus names every item path parameter `id`: in the owner’s description, /items/notes/{id} and /assets/{id}.',
    'items:',
    `  id: ['${noteId}']`,
    '',
  ].join('\n');
}

/**
 * One call to Directus' API; anything but 2xx stops the script with Directus' answer.
 * @param {string} url
 * @param {string} method
 * @param {string} path
 * @param {string} token
 * @param {unknown} [body]
 * @returns {Promise<unknown>}
 */
async function call(url, method, path, token, body) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  if (!response.ok) throw new Failure(`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
  return text === '' ? undefined : JSON.parse(text);
}

/**
 * Runs the probe, keeps its JSON report and prints the findings.
 * @param {string[]} args
 * @param {Record<string, string>} tokens
 * @param {string} report
 */
async function runProbe(args, tokens, report) {
  const { status, stdout, stderr } = await collect(process.execPath, [COMMAND, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...tokens, CI: 'true' },
  });
  if (stderr.trim() !== '') console.error(stderr.trimEnd());
  // 0: no findings; 1: findings. 2 is a usage error, a server it could not reach or a run that stopped early.
  if (status !== 0 && status !== 1) throw new Failure(`probe exited ${status}:\n${stdout.slice(0, 2000)}`);
  writeFileSync(report, stdout);
  const findings = /** @type {{ code: string, message: string, range: { start: { line: number } } }[]} */ (
    JSON.parse(stdout)
  );
  for (const finding of findings) {
    console.log(`${String(finding.code).padEnd(32)} line ${finding.range.start.line + 1}: ${finding.message}`);
  }
  /** @type {Map<string, number>} */
  const counts = new Map();
  for (const { code } of findings) counts.set(String(code), (counts.get(String(code)) ?? 0) + 1);
  const summary = [...counts].map(([code, count]) => `${code} ${count}`).join(', ');
  console.log(`${findings.length} findings${summary === '' ? '' : ` (${summary})`}; report: ${relative(ROOT, report)}`);
}

/**
 * A child process to its end, its output collected (not spawnSync: the signal handlers must be able to run).
 * @param {string} command
 * @param {string[]} args
 * @param {import('node:child_process').SpawnOptions} options
 * @returns {Promise<{ status: number | null, stdout: string, stderr: string }>}
 */
function collect(command, args, options) {
  return new Promise((done, failed) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk) => (stdout += String(chunk)));
    child.stderr?.on('data', (chunk) => (stderr += String(chunk)));
    child.on('error', failed);
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

/**
 * Stops the server (SIGTERM, then SIGKILL if it has not ended in time) and removes its data. Safe to call twice.
 */
async function stopServer() {
  if (running === undefined || stopping) return;
  stopping = true;
  const { child, dataDir } = running;
  if (child.exitCode === null && child.signalCode === null) {
    const ended = new Promise((done) => child.once('exit', () => done(true)));
    child.kill('SIGTERM');
    if (!(await within(ended, STOP_WITHIN_MS))) {
      child.kill('SIGKILL');
      await within(ended, 2000);
    }
  }
  running = undefined;
  rmSync(dataDir, { recursive: true, force: true });
  console.error('Directus stopped; its data is removed.');
}

/**
 * Whether the promise settled within the time.
 * @param {Promise<unknown>} promise
 * @param {number} ms
 */
async function within(promise, ms) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const late = new Promise((done) => (timer = setTimeout(() => done(false), ms)));
  const result = await Promise.race([promise.then(() => true), late]);
  clearTimeout(timer);
  return result === true;
}

/** A port that was free a moment ago on 127.0.0.1. */
function freePort() {
  return /** @type {Promise<number>} */ (
    new Promise((done, failed) => {
      const probe = createServer();
      probe.once('error', failed);
      probe.listen(0, '127.0.0.1', () => {
        const address = probe.address();
        const port = address !== null && typeof address === 'object' ? address.port : undefined;
        probe.close(() => (port === undefined ? failed(new Failure('no free port on 127.0.0.1')) : done(port)));
      });
    })
  );
}

/** @param {string} file */
function tail(file) {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-30).join('\n') : '(no log)';
}

/** @param {string[]} args */
function parseArguments(args) {
  const unknown = args.filter((arg) => arg !== '--keep-running');
  if (unknown.length > 0) {
    console.error(`unknown argument: ${unknown.join(' ')}\nusage: node scripts/probe-e2e.mjs [--keep-running]`);
    process.exit(2);
  }
  return args.includes('--keep-running');
}

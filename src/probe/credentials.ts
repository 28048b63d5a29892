// The credentials file of `probe`: how to act as each role, and which items the owner can read. YAML, so that it
// can carry comments; values may name environment variables (`${NAME}`), so that secrets stay out of repositories.

import { readFile } from 'node:fs/promises';
import { isMap, isScalar, isSeq, LineCounter, Node, parseDocument, Scalar, YAMLMap } from 'yaml';
import { reasonOf } from '../cli/read-document';

/** What to send to act as one role; every map is optional. */
export interface RoleCredentials {
  headers: Record<string, string>;
  query: Record<string, string>;
  cookies: Record<string, string>;
}

export interface Credentials {
  /** A caller who may read the items probed. */
  owner: RoleCredentials;
  /** A valid caller who must not see the owner's items. */
  other: RoleCredentials;
  /** A valid caller whose credentials lack the operations' scopes, when given. */
  unscoped?: RoleCredentials;
  /** Ids of items the owner can read, by path parameter name. */
  items: Record<string, string[]>;
}

/** A mistake in the credentials file, at a line of it when it has one. */
export class CredentialsError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    message: string,
  ) {
    super(message);
  }
}

export const ROLE_NAMES = ['owner', 'other', 'unscoped'] as const;
const REQUIRED_ROLES = new Set(['owner', 'other']);
const ROLE_PARTS = ['headers', 'query', 'cookies'] as const;
const TOP_LEVEL_KEYS = [...ROLE_NAMES, 'items'];

/** `${NAME}`: an environment variable's value. */
const VARIABLE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** Reads and checks the credentials file; throws a `CredentialsError` naming the file and line of any mistake. */
export async function readCredentials(file: string, env: NodeJS.ProcessEnv): Promise<Credentials> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CredentialsError(file, undefined, `cannot read the credentials file (${reasonOf(error)})`);
  }
  return parseCredentials(text, file, env);
}

/** The credentials a file's text gives (see `readCredentials`). */
export function parseCredentials(text: string, file: string, env: NodeJS.ProcessEnv): Credentials {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineOf = (node: Node | null | undefined): number | undefined =>
    node?.range == null ? undefined : lineCounter.linePos(node.range[0]).line;
  const fail = (node: Node | null | undefined, message: string): never => {
    throw new CredentialsError(file, lineOf(node), message);
  };
  const [syntaxError] = document.errors;
  if (syntaxError !== undefined) {
    throw new CredentialsError(
      file,
      lineCounter.linePos(syntaxError.pos[0]).line,
      `invalid YAML: ${syntaxError.message}`,
    );
  }
  const root = document.contents;
  if (!isMap(root))
    return fail(root, 'expected a map with the roles `owner` and `other` (and optionally `unscoped`, `items`)');

  const string = (node: unknown, what: string): string => {
    if (!isScalar(node) || typeof node.value !== 'string') return fail(node as Node, `${what} must be a string`);
    return expanded(node, env, fail);
  };
  const stringMap = (node: unknown, what: string): Record<string, string> => {
    if (!isMap(node)) return fail(node as Node, `${what} must be a map of names to strings`);
    const map: Record<string, string> = {};
    for (const pair of node.items) map[keyOf(pair.key, fail)] = string(pair.value, `${what}.${keyOf(pair.key, fail)}`);
    return map;
  };
  const role = (name: string, node: unknown): RoleCredentials => {
    if (!isMap(node)) return fail(node as Node, `${name} must be a map with headers, query or cookies`);
    const credentials: RoleCredentials = { headers: {}, query: {}, cookies: {} };
    for (const pair of node.items) {
      const part = keyOf(pair.key, fail);
      if (!(ROLE_PARTS as readonly string[]).includes(part)) {
        return fail(pair.key as Node, `unknown key \`${name}.${part}\` (expected ${ROLE_PARTS.join(', ')})`);
      }
      credentials[part as (typeof ROLE_PARTS)[number]] = stringMap(pair.value, `${name}.${part}`);
    }
    const sent = ROLE_PARTS.reduce((count, part) => count + Object.keys(credentials[part]).length, 0);
    if (sent === 0) return fail(node, `${name} sends nothing: give it headers, query or cookies`);
    return credentials;
  };
  const items = (node: unknown): Record<string, string[]> => {
    if (!isMap(node)) return fail(node as Node, 'items must be a map of path parameter names to lists of ids');
    const byName: Record<string, string[]> = {};
    for (const pair of node.items) {
      const name = keyOf(pair.key, fail);
      const value = pair.value;
      const list = isSeq(value) ? value.items : [value];
      const ids = list.map((item) => idOf(item, `items.${name}`, env, fail));
      if (ids.length === 0) return fail(value as Node, `items.${name} lists no id`);
      byName[name] = ids;
    }
    return byName;
  };

  const found = new Map<string, { key: Node; value: unknown }>();
  for (const pair of (root as YAMLMap).items) {
    const key = keyOf(pair.key, fail);
    if (!TOP_LEVEL_KEYS.includes(key)) {
      return fail(pair.key as Node, `unknown key \`${key}\` (expected ${TOP_LEVEL_KEYS.join(', ')})`);
    }
    found.set(key, { key: pair.key as Node, value: pair.value });
  }
  for (const name of REQUIRED_ROLES) {
    if (!found.has(name)) return fail(root, `no \`${name}\` role: the probe needs both \`owner\` and \`other\``);
  }
  const roleAt = (name: string) => {
    const entry = found.get(name);
    return entry === undefined ? undefined : role(name, entry.value);
  };
  const itemsEntry = found.get('items');
  return {
    owner: roleAt('owner') as RoleCredentials,
    other: roleAt('other') as RoleCredentials,
    unscoped: roleAt('unscoped'),
    items: itemsEntry === undefined ? {} : items(itemsEntry.value),
  };
}

type Fail = (node: Node | null | undefined, message: string) => never;

function keyOf(key: unknown, fail: Fail): string {
  if (isScalar(key) && (typeof key.value === 'string' || typeof key.value === 'number')) return String(key.value);
  return fail(key as Node, 'expected a plain name as key');
}

/** An id: a string, or a number written as one (`42`), with `${NAME}` expanded. */
function idOf(node: unknown, what: string, env: NodeJS.ProcessEnv, fail: Fail): string {
  if (isScalar(node) && typeof node.value === 'number') return String(node.value);
  if (!isScalar(node) || typeof node.value !== 'string') return fail(node as Node, `${what} must list ids (strings)`);
  return expanded(node, env, fail);
}

/** The scalar's text with every `${NAME}` replaced from the environment; an unset variable is a mistake. */
function expanded(node: Scalar, env: NodeJS.ProcessEnv, fail: Fail): string {
  return (node.value as string).replace(VARIABLE, (_whole, name: string) => {
    const value = env[name];
    if (value === undefined) return fail(node, `environment variable ${name} is not set`);
    return value;
  });
}

/** Every value the file gives a role, to keep out of anything the probe prints. */
export function secretsOf(credentials: Credentials): string[] {
  const roles = [credentials.owner, credentials.other, credentials.unscoped].filter(
    (role): role is RoleCredentials => role !== undefined,
  );
  return roles.flatMap(valuesOf);
}

/** The values a role sends: its headers', query parameters' and cookies'. */
export function valuesOf(role: RoleCredentials): string[] {
  return ROLE_PARTS.flatMap((part) => Object.values(role[part]));
}

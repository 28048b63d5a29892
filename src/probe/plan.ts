// Which requests the probe sends, from the same per-operation facts the rules read. Two steps: first the owner's
// listings that tell which items exist (when the credentials file names none), then the checks' requests.

import { randomInt } from 'node:crypto';
import { COLLECTION_ENVELOPE_NAMES, topLevelCollectionListings } from '../openapi/collections';
import type { DocumentFacts, OperationFacts } from '../openapi/operations';
import { collectionPathBefore, filledPath, templateNamesOf } from '../openapi/paths';
import type { Credentials } from './credentials';

/** Who a request is sent as: no credentials, wrong ones, or one of the credentials file's roles. */
export type Role = 'none' | 'invalid' | 'owner' | 'other' | 'unscoped';

/** What a request is for; each check reads the exchanges of its own purposes. */
export type Purpose =
  /** The owner lists a top-level collection to learn an item id. */
  | 'discover'
  /** The owner reads an item: it exists, so the hidden-item check means something. */
  | 'control'
  | 'unauthenticated'
  | 'invalid-credentials'
  | 'missing-scope'
  /** `other` asks for the owner's item. */
  | 'hidden-item'
  /** `other` asks for an id that does not exist, to compare with the hidden item. */
  | 'unknown-item'
  /** `other` lists a top-level collection. */
  | 'collection';

export interface PlannedRequest {
  operation: OperationFacts;
  /** Upper case: `GET`. */
  method: string;
  /** The path with its parameters filled in (percent-encoded), relative to the server URL. */
  path: string;
  role: Role;
  purpose: Purpose;
  /** The value of the last path parameter, for requests about one item (control, hidden-item, unknown-item). */
  itemId?: string;
}

/** Only these methods are sent unless `--unsafe-methods`: they change nothing on a server that follows HTTP. */
export const SAFE_METHODS = new Set(['get', 'head']);

export interface PlanOptions {
  unsafeMethods: boolean;
}

const ENVELOPES = new Set(COLLECTION_ENVELOPE_NAMES);

/** The operations the probe may send requests to at all: secured ones, by a method it is allowed to send. */
function probedOperations(document: DocumentFacts, options: PlanOptions): OperationFacts[] {
  return document.operations.filter(
    (operation) => operation.security.secured && (options.unsafeMethods || SAFE_METHODS.has(operation.method)),
  );
}

const request = (
  operation: OperationFacts,
  values: Record<string, string>,
  role: Role,
  purpose: Purpose,
  itemId?: string,
): PlannedRequest => ({
  operation,
  method: operation.method.toUpperCase(),
  path: filledPath(operation.path, values),
  role,
  purpose,
  ...(itemId === undefined ? {} : { itemId }),
});

/**
 * Step one: for each path parameter the credentials file gives no ids for, the owner's listing of the top-level
 * collection it names (`GET /calls` for `callId` in `/calls/{callId}`), once per collection.
 */
export function planDiscovery(
  document: DocumentFacts,
  credentials: Credentials,
  options: PlanOptions,
): PlannedRequest[] {
  const wanted = new Set<string>();
  for (const operation of probedOperations(document, options)) {
    for (const name of templateNamesOf(operation.path)) {
      if (credentials.items[name] !== undefined) continue;
      const collection = collectionPathBefore(operation.path, name);
      if (collection !== undefined) wanted.add(collection);
    }
  }
  return document.operations
    .filter((operation) => operation.method === 'get' && wanted.has(operation.path))
    .filter(topLevelCollectionListings(document, ENVELOPES))
    .map((operation) => request(operation, {}, 'owner', 'discover'));
}

/** The ids the owner can read, by path parameter name: the credentials file's, else those its listings gave. */
export function itemsKnown(
  document: DocumentFacts,
  credentials: Credentials,
  listed: ReadonlyMap<string, string>,
): Record<string, string[]> {
  const items: Record<string, string[]> = { ...credentials.items };
  for (const operation of document.operations) {
    for (const name of templateNamesOf(operation.path)) {
      if (items[name] !== undefined) continue;
      const collection = collectionPathBefore(operation.path, name);
      const id = collection === undefined ? undefined : listed.get(collection);
      if (id !== undefined) items[name] = [id];
    }
  }
  return items;
}

/** The checks' requests, in the order they are sent, and notes on the checks that cannot run. */
export interface Plan {
  requests: PlannedRequest[];
  notes: string[];
}

/** A value for a path parameter whose real value does not matter (the request is refused before it is looked up). */
const ANY_ID = 'probe-1';

/**
 * Step two, once the items are known. Safe methods get every check; other methods (with `--unsafe-methods` only)
 * only requests that a correct server refuses: no credentials, wrong ones, or `other`'s on the owner's item.
 */
export function planChecks(
  document: DocumentFacts,
  credentials: Credentials,
  items: Readonly<Record<string, string[]>>,
  options: PlanOptions,
  unknownId: (like: string) => string = unknownIdLike,
): Plan {
  const requests: PlannedRequest[] = [];
  const notes: string[] = [];
  const operations = probedOperations(document, options);
  const isTopLevelListing = topLevelCollectionListings(document, ENVELOPES);
  const anyValues = (operation: OperationFacts) =>
    Object.fromEntries(templateNamesOf(operation.path).map((name) => [name, items[name]?.[0] ?? ANY_ID]));

  // The owner reads each item first: a hidden-item check on an item the owner cannot read proves nothing.
  for (const operation of operations.filter((candidate) => candidate.method === 'get' && candidate.itemPath)) {
    const names = templateNamesOf(operation.path);
    const last = names[names.length - 1];
    if (names.some((name) => items[name] === undefined)) continue;
    for (const id of items[last]) {
      requests.push(request(operation, { ...anyValues(operation), [last]: id }, 'owner', 'control', id));
    }
  }
  for (const operation of operations) {
    const safe = SAFE_METHODS.has(operation.method);
    requests.push(request(operation, anyValues(operation), 'none', 'unauthenticated'));
    requests.push(request(operation, anyValues(operation), 'invalid', 'invalid-credentials'));
    if (safe && operation.security.scoped && credentials.unscoped !== undefined) {
      requests.push(request(operation, anyValues(operation), 'unscoped', 'missing-scope'));
    }
    if (operation.itemPath) {
      const names = templateNamesOf(operation.path);
      const missing = names.filter((name) => items[name] === undefined);
      if (missing.length > 0) {
        notes.push(
          `${operation.label}: no id known for ${missing.map((name) => `{${name}}`).join(', ')}, so the hidden-item ` +
            `check was not run: list ids under \`items\` in the credentials file`,
        );
      } else {
        const last = names[names.length - 1];
        const owned = anyValues(operation);
        const known = new Set(Object.values(items).flat());
        let unknown = unknownId(owned[last]);
        for (let tries = 0; known.has(unknown) && tries < 8; tries++) unknown = unknownId(owned[last]);
        requests.push(request(operation, owned, 'other', 'hidden-item', owned[last]));
        requests.push(request(operation, { ...owned, [last]: unknown }, 'other', 'unknown-item', unknown));
      }
    }
    if (operation.method === 'get' && isTopLevelListing(operation)) {
      requests.push(request(operation, {}, 'other', 'collection'));
    }
  }
  const scoped = operations.some((operation) => operation.security.scoped && SAFE_METHODS.has(operation.method));
  if (scoped && credentials.unscoped === undefined) {
    notes.push('no `unscoped` role in the credentials file, so the missing-scope check was not run');
  }
  return { requests, notes };
}

const DIGITS = '0123456789';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = LOWER.toUpperCase();

/**
 * A random value shaped like `value`: each digit, lower- and upper-case letter replaced by a random one of its kind,
 * anything else kept (`call-1` → `qzvx-7`, `+15550100` → `+80427315`). An id of this shape almost surely does not
 * exist, and a server cannot tell it apart from a real one by its syntax. A number of up to 8 digits becomes one of
 * 9 digits (`1` → `482913075`): it still fits a 32-bit integer column.
 */
export function unknownIdLike(value: string): string {
  // A short number is likely an auto-increment id, and a random one of its length likely someone else's item.
  if (/^[0-9]{1,8}$/.test(value)) return String(100_000_000 + randomInt(900_000_000));
  const replaced = Array.from(value, (character) => {
    for (const alphabet of [DIGITS, LOWER, UPPER]) {
      if (alphabet.includes(character)) return alphabet[randomInt(alphabet.length)];
    }
    return character;
  }).join('');
  return replaced === value ? `${value}${DIGITS[randomInt(DIGITS.length)]}${LOWER[randomInt(LOWER.length)]}` : replaced;
}

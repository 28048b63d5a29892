// Whether two answers tell a hidden item from a missing one: status, media type, headers and body, once what
// differs between any two answers (dates, request ids, ids, timestamps, lengths) is set aside.

import type { Exchange } from './send';

/** Headers that differ between any two answers, or with the body's length. */
const VOLATILE_HEADERS =
  /^(date|age|etag|last-modified|expires|content-length|connection|keep-alive|set-cookie|server-timing)$|request-?id|correlation|trace|^x-amz|^cf-ray$/i;

/** String values that identify one answer rather than say something: ids, uuids, timestamps, long numbers. */
const VOLATILE_VALUE =
  /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{16,}|\d{10,}|\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?|[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} [\d:]+ GMT)$/i;

const ID_MARK = '{id}';

/** A value's shape for comparison: volatile strings and the asked-for id replaced by marks, everything else kept. */
function normalized(value: unknown): unknown {
  if (typeof value === 'string') return VOLATILE_VALUE.test(value) ? '{volatile}' : value;
  if (Array.isArray(value)) return value.map(normalized);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, child]) => [key, normalized(child)]),
    );
  }
  return value;
}

function bodyOf(exchange: Exchange, id: string): unknown {
  const text = id === '' ? exchange.body : exchange.body.split(id).join(ID_MARK);
  try {
    return normalized(JSON.parse(text));
  } catch {
    return text.trim();
  }
}

/** The first place where two values differ: `$.detail`, or undefined when they are the same. */
function firstDifference(a: unknown, b: unknown, at: string): string | undefined {
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b) || (a === null) !== (b === null)) return at;
  if (typeof a !== 'object' || a === null) return a === b ? undefined : at;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])];
  for (const key of keys) {
    const path = Array.isArray(a) ? `${at}[${key}]` : `${at}.${key}`;
    if (!(key in left) || !(key in right)) return path;
    const inner = firstDifference(left[key], right[key], path);
    if (inner !== undefined) return inner;
  }
  return undefined;
}

function mediaTypeOf(exchange: Exchange): string {
  return (exchange.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

/**
 * What tells the answer for a hidden item (`hidden`, asked with `hiddenId`) from the answer for an unknown one, in a
 * few words, or undefined when nothing does.
 */
export function differenceBetween(hidden: Exchange, unknown: Exchange): string | undefined {
  if (hidden.status !== unknown.status) return `the status (${hidden.status} vs ${unknown.status})`;
  if (mediaTypeOf(hidden) !== mediaTypeOf(unknown)) {
    return `the content type (${mediaTypeOf(hidden) || 'none'} vs ${mediaTypeOf(unknown) || 'none'})`;
  }
  const names = [...new Set([...Object.keys(hidden.headers), ...Object.keys(unknown.headers)])]
    .filter((name) => !VOLATILE_HEADERS.test(name) && name !== 'content-type')
    .sort();
  for (const name of names) {
    const [a, b] = [hidden.headers[name], unknown.headers[name]];
    if (a === undefined || b === undefined) return `the header ${name} (sent for only one of them)`;
    const same =
      a.split(hidden.request.itemId ?? '\0').join(ID_MARK) === b.split(unknown.request.itemId ?? '\0').join(ID_MARK);
    if (!same && !(VOLATILE_VALUE.test(a) && VOLATILE_VALUE.test(b))) return `the header ${name}`;
  }
  const place = firstDifference(
    bodyOf(hidden, hidden.request.itemId ?? ''),
    bodyOf(unknown, unknown.request.itemId ?? ''),
    '$',
  );
  return place === undefined ? undefined : `the body at ${place}`;
}

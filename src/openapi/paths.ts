/** What a path template says about the resource it addresses. */

export function segmentsOf(path: string): string[] {
  return path.split('/').filter((segment) => segment.length > 0);
}

export function isTemplated(segment: string): boolean {
  return /\{[^{}]*\}/.test(segment);
}

/** A path with at least one templated segment: `/calls/{callId}`, `/users/{id}/calls`, `/files/{name}.json`. */
export function isItemPath(path: string): boolean {
  return segmentsOf(path).some(isTemplated);
}

/** The last segment, when it is not templated: the name a collection is listed under. */
export function collectionNameOf(path: string): string | undefined {
  const segments = segmentsOf(path);
  const last = segments[segments.length - 1];
  return last !== undefined && !isTemplated(last) ? last : undefined;
}

/** Path segments under which an API looks something up by query: its 404 means "no match", not "no such item". */
const SEARCH_SEGMENTS = new Set(['find', 'search', 'lookup', 'query']);

/** A search (`/members/find`, `/search`): the last segment names a lookup, not a collection or an item. */
export function isSearchPath(path: string): boolean {
  const last = collectionNameOf(path);
  return last !== undefined && SEARCH_SEGMENTS.has(last.toLowerCase());
}

/** The names of a path's template expressions, in order: `['userId', 'callId']` for `/users/{userId}/calls/{callId}`. */
export function templateNamesOf(path: string): string[] {
  return Array.from(path.matchAll(/\{([^{}]*)\}/g), (match) => match[1]);
}

/** The path with each template expression replaced by its value, percent-encoded (a value cannot add a segment). */
export function filledPath(path: string, values: Readonly<Record<string, string>>): string {
  return path.replace(/\{([^{}]*)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? encodeURIComponent(values[name]) : whole,
  );
}

/**
 * The collection whose members a path parameter names: `/calls` for `callId` in `/calls/{callId}` or
 * `/calls/{callId}/transcript`. Only when the parameter fills a whole segment and every segment before it is literal.
 */
export function collectionPathBefore(path: string, parameter: string): string | undefined {
  const segments = segmentsOf(path);
  const at = segments.indexOf(`{${parameter}}`);
  if (at < 1 || segments.slice(0, at).some(isTemplated)) return undefined;
  return `/${segments.slice(0, at).join('/')}`;
}

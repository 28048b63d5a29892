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

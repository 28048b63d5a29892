import { decodedPointerSegment, lastRefAlong } from './json';
import type { DocumentFacts, JsonPath, OperationFacts } from './operations';

/** The component a `$ref` points at, named for a message: `Unauthorized` for `#/components/responses/Unauthorized`. */
export function componentNameOf(ref: string): string {
  const hash = ref.indexOf('#');
  const pointer = hash >= 0 ? ref.slice(hash + 1) : '';
  const segments = pointer.split('/').filter((segment) => segment.length > 0);
  const last = segments[segments.length - 1];
  if (last === undefined) return ref;
  return decodedPointerSegment(last);
}

/**
 * How a message names the thing at `path` below an operation: the shared component where Spectral places the
 * finding, when the path passes through a `$ref` (so that every operation using it yields the same message and Spectral reports it once), else
 * `<own> of <operation>` ("the 401 response of GET /calls/{callId}").
 */
export function subjectAt(document: DocumentFacts, operation: OperationFacts, path: JsonPath, own: string): string {
  const shared = lastRefAlong(document.unresolved, path);
  if (shared === undefined || shared.depth <= operation.location.length) return `${own} of ${operation.label}`;
  const kind = kindOfComponent(path[shared.depth - 1], path[shared.depth - 2]);
  return `shared ${kind} "${componentNameOf(shared.ref)}" (${shared.ref})`;
}

function kindOfComponent(key: unknown, parentKey: unknown): string {
  if (parentKey === 'responses') return 'response';
  if (parentKey === 'headers') return 'header';
  if (key === 'schema') return 'schema';
  return 'component';
}

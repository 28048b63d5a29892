import { decodedPointerSegment, lastRefAlong } from './json';
import { OPERATION_METHODS } from './operations';
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
  return placeNamed(document, operation, path, own).subject;
}

/**
 * The subject of `subjectAt`, and how a list of such subjects names it (`label`): the operation where the thing
 * is written, or the shared component's name. A `$ref` to another operation's own response
 * (`#/paths/~1calls/get/responses/401`) names that operation, as that operation's own findings do: both land on
 * the same place, and Spectral merges them only when their messages are the same.
 */
export function placeNamed(
  document: DocumentFacts,
  operation: OperationFacts,
  path: JsonPath,
  own: string,
): { subject: string; label: string } {
  const shared = lastRefAlong(document.unresolved, path);
  if (shared === undefined || shared.depth <= operation.location.length) {
    return { subject: `${own} of ${operation.label}`, label: operation.label };
  }
  const writtenAt = operationWrittenAt(shared.ref);
  if (writtenAt !== undefined) return { subject: `${own} of ${writtenAt}`, label: writtenAt };
  const kind = kindOfComponent(path[shared.depth - 1], path[shared.depth - 2]);
  const name = componentNameOf(shared.ref);
  return { subject: `shared ${kind} "${name}" (${shared.ref})`, label: name };
}

/** `GET /calls` for a local `$ref` into an operation (`#/paths/~1calls/get/...`), else undefined. */
function operationWrittenAt(ref: string): string | undefined {
  if (!ref.startsWith('#/paths/')) return undefined;
  const [path, method] = ref.slice('#/paths/'.length).split('/').map(decodedPointerSegment);
  if (path === undefined || method === undefined || !(OPERATION_METHODS as readonly string[]).includes(method))
    return undefined;
  return `${method.toUpperCase()} ${path}`;
}

function kindOfComponent(key: unknown, parentKey: unknown): string {
  if (parentKey === 'responses') return 'response';
  if (parentKey === 'headers') return 'header';
  if (key === 'schema') return 'schema';
  return 'component';
}

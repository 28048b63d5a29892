import * as YAML from 'yaml';
import { missingGrantsProperty, problemBody, problemSchema } from '../definitions';
import { after, atEnd } from '../edits';
import { describe, Location, pairNamed, refStringOf } from '../locate';
import { operationAt, RepairContext, RepairDone, RuleFinding, RuleRepair } from '../repair';
import { refuse } from '../refusal';

/**
 * `auth-403-describes-scopes`: the 403's inline object body gets a `missing_scopes` array property
 * (`missing_permissions` when the operation has no scopes); a 403 without a body gets a problem body with it.
 * A body schema that is a `$ref` is shared with other responses: it is left, and the report says so.
 */
export const auth403DescribesScopesRepair: RuleRepair = {
  rule: 'auth-403-describes-scopes',
  repair(finding: RuleFinding, context: RepairContext): RepairDone {
    const operation = operationAt(context.facts, finding.path);
    // A finding about a shared body schema goes through the 403 to the schema: repair from the 403 itself.
    const responsePath = operation === undefined ? finding.path : finding.path.slice(0, operation.location.length + 2);
    const response = context.files.locate(responsePath, true);
    const scoped = operation?.security.scoped ?? true;
    const schemas = bodySchemaLocations(response, context);
    const done = { file: response.source.path };
    if (schemas === undefined) {
      const [key, body] = problemBody(context.facts.version, scoped);
      context.plan.ensure(response, [key], body, [after('description', 'headers')]);
      return { ...done, what: `added a problem body with ${missingGrantsProperty(scoped)[0]}` };
    }
    if (schemas.length === 0) {
      // 3.x media types without a schema: the first one gets the problem schema.
      const media = context.files.follow(response, ['content'], true);
      const first = YAML.isMap(media.node) ? media.node.items[0] : undefined;
      const mediaKey =
        first !== undefined && YAML.isScalar(first.key) ? String(first.key.value) : 'application/problem+json';
      context.plan.ensure(media, [mediaKey, 'schema'], problemSchema(scoped), [atEnd, atEnd]);
      return { ...done, what: `added a body schema with ${missingGrantsProperty(scoped)[0]}` };
    }
    const [name, property] = missingGrantsProperty(scoped);
    const shared: string[] = [];
    let added = 0;
    for (const schema of schemas) {
      const ref = refStringOf(schema.node);
      if (ref !== undefined) shared.push(ref);
      else if (isInlineObject(schema)) {
        context.plan.ensure(schema, ['properties', name], property, [after('type', 'title', 'description'), atEnd]);
        added++;
      }
    }
    if (added > 0) return { ...done, what: `added a ${name} property to the body schema` };
    if (shared.length > 0) {
      refuse(
        `the 403's body schema is shared (${shared.join(', ')}): add a ${name} array property to it, or give the 403 its own schema`,
      );
    }
    return refuse(`the 403's body schema is not an object: give it one with a ${name} array property`);
  },
};

/** The response's body schemas, as written; undefined when it has no body at all (2.0: no schema; 3.x: no content). */
function bodySchemaLocations(response: Location, context: RepairContext): Location[] | undefined {
  if (!YAML.isMap(response.node)) return refuse(`${describe(response)} is not a response object`);
  if (context.facts.version === '2.0') {
    return pairNamed(response.node, 'schema') === undefined
      ? undefined
      : [context.files.follow(response, ['schema'], false)];
  }
  if (pairNamed(response.node, 'content') === undefined) return undefined;
  const content = context.files.follow(response, ['content'], true);
  if (!YAML.isMap(content.node)) return refuse(`${describe(content)} is not a map of media types`);
  const schemas: Location[] = [];
  for (const pair of content.node.items) {
    if (!YAML.isScalar(pair.key)) continue;
    const media = context.files.follow(content, [String(pair.key.value)], true);
    if (YAML.isMap(media.node) && pairNamed(media.node, 'schema') !== undefined) {
      schemas.push(context.files.follow(media, ['schema'], false));
    }
  }
  return schemas;
}

/** A schema written in place whose `type` is absent or `object`: properties can be added to it. */
function isInlineObject(schema: Location): boolean {
  const node = schema.node;
  if (!YAML.isMap(node)) return false;
  const type = pairNamed(node, 'type')?.value;
  if (type === undefined || type === null) return true;
  if (YAML.isScalar(type)) return type.value === 'object';
  return YAML.isSeq(type) && type.items.some((item) => YAML.isScalar(item) && item.value === 'object');
}

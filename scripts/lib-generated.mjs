// Generated API descriptions for the benchmark: N operations shaped like real ones (GitHub's, Stripe's): resources
// with list/create/get/update/delete and a nested listing, shared schemas and 401/403/404 responses, inline parameters,
// OAuth2 scopes or an API key, and a few deliberate mistakes so that the rules have something to report.
//
// A large description is many API areas (as one merged from services is), each with its own shared components,
// which the resources of the area use. That keeps Spectral's own floor from growing much faster than the document:
// its resolver's dependency graph scans, for every `$ref`, lists that grow with the number of references to one
// component and with the number of components referenced, so 50,000 operations that all point at one
// `Unauthorized`, or at 16,000 per-resource schemas, took the floor 6 to 7 minutes a run here, which says nothing
// about this ruleset and would not fit the benchmark's time. Worse, its order of the pointer graph is quadratic in
// the number of `$ref`s itself (an `indexOf` over all nodes for each node), so the documents keep to about four
// `$ref`s per operation: the shared 401/403/404 and error responses, and the area's resource schema.
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib-corpus.mjs';

export const GENERATED_DIR = join(ROOT, '.cache', 'bench');
/** Bump when the shape changes, so that a cached file of the old shape is not reused. */
const GENERATOR_VERSION = 5;
const OPERATIONS_PER_RESOURCE = 6;
/** Resources per API area: 600 operations share one set of components. */
const RESOURCES_PER_AREA = 100;

/**
 * The path of the generated document with `operations` operations, written on first use.
 * @param {number} operations
 */
export function generatedDocumentPath(operations) {
  const path = join(GENERATED_DIR, `generated-v${GENERATOR_VERSION}-${operations}.json`);
  if (!existsSync(path)) {
    mkdirSync(GENERATED_DIR, { recursive: true });
    writeFileSync(`${path}.partial`, JSON.stringify(generatedDocument(operations)));
    renameSync(`${path}.partial`, path);
  }
  return path;
}

/**
 * @typedef {(kind: string, name: string) => { $ref: string }} OwnComponent
 * @typedef {[path: string, method: string, operation: object]} Operation
 */
const ref = (/** @type {string} */ pointer) => ({ $ref: pointer });
const areaOf = (/** @type {number} */ resource) => Math.floor(resource / RESOURCES_PER_AREA);
/**
 * A reference to a shared component of one API area: `Unauthorized` of area 3 is `Unauthorized3`.
 * @type {(area: number) => OwnComponent}
 */
const ownComponents = (area) => (kind, name) => ref(`#/components/${kind}/${name}${area}`);
const json = (/** @type {object} */ schema) => ({ 'application/json': { schema } });

/** @param {number} operationCount */
export function generatedDocument(operationCount) {
  /** @type {Record<string, Record<string, object>>} */
  const paths = {};
  /** @type {Record<string, object>} */
  const schemas = {};
  /** @type {Record<string, object>} */
  const responses = {};
  /** @type {Record<string, string>} */
  const scopes = {};
  let remaining = operationCount;
  for (let i = 0; remaining > 0; i++) {
    if (i % RESOURCES_PER_AREA === 0) {
      const area = areaOf(i);
      Object.assign(schemas, suffixed(sharedSchemas(ownComponents(area), area), area));
      Object.assign(responses, suffixed(sharedResponses(ownComponents(area)), area));
    }
    const operations = resourceOperations(i).slice(0, remaining);
    remaining -= operations.length;
    for (const [path, method, operation] of operations) (paths[path] ??= {})[method] = operation;
    scopes[`resource${i}:read`] = `Read resource ${i}`;
    scopes[`resource${i}:write`] = `Change resource ${i}`;
  }
  return {
    openapi: '3.0.3',
    info: { title: `Generated API with ${operationCount} operations`, version: '1.0.0' },
    servers: [{ url: 'https://api.example.com' }],
    security: [{ oauth: [] }],
    paths,
    components: {
      securitySchemes: {
        oauth: {
          type: 'oauth2',
          flows: { clientCredentials: { tokenUrl: 'https://auth.example.com/token', scopes } },
        },
        apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
      },
      responses,
      schemas,
    },
  };
}

/**
 * @param {Record<string, object>} components
 * @param {number} area
 */
function suffixed(components, area) {
  return Object.fromEntries(Object.entries(components).map(([name, component]) => [`${name}${area}`, component]));
}

// Parameters and request bodies are written inline, as many descriptions do: see the note on `$ref` counts above.
const LIMIT = { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } };
const CURSOR = { name: 'cursor', in: 'query', schema: { type: 'string' } };
const ID = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };

/**
 * @param {number} i
 * @returns {Operation[]}
 */
function resourceOperations(i) {
  const own = ownComponents(areaOf(i));
  const collection = `/v1/resource-${i}s`;
  const item = `${collection}/{id}`;
  const read = [{ oauth: [`resource${i}:read`] }, { apiKey: [] }];
  const write = [{ oauth: [`resource${i}:write`] }];
  const errors = (/** @type {Record<string, object>} */ extra = {}) => ({
    '401': own('responses', 'Unauthorized'),
    '403': own('responses', 'Forbidden'),
    ...extra,
  });
  const one = { '200': { description: 'The resource.', content: json(own('schemas', 'Resource')) } };
  const page = {
    '200': {
      description: 'A page of resources.',
      content: json({
        allOf: [
          own('schemas', 'Page'),
          { type: 'object', properties: { data: { type: 'array', items: own('schemas', 'Resource') } } },
        ],
      }),
    },
  };
  // A few deliberate mistakes, at fixed rates, so that findings scale with the document like real ones.
  const listErrors = i % 7 === 3 ? errors({ '404': own('responses', 'NotFound') }) : errors();
  const itemErrors = i % 10 === 5 ? errors() : errors({ '404': own('responses', 'NotFound') });
  const inline401 = i % 5 === 2 ? { '401': { description: 'Missing or invalid token' } } : {};
  /** @type {Operation[]} */
  const operations = [
    [
      collection,
      'get',
      {
        operationId: `listResource${i}`,
        summary: `List resource ${i}`,
        tags: [`resource${i % 50}`],
        security: read,
        parameters: [LIMIT, CURSOR],
        responses: { ...page, ...listErrors },
      },
    ],
    [
      collection,
      'post',
      {
        operationId: `createResource${i}`,
        summary: `Create resource ${i}`,
        tags: [`resource${i % 50}`],
        security: write,
        requestBody: { required: true, content: json(resourceInputSchema(areaOf(i))) },
        responses: { '201': one['200'], '400': own('responses', 'BadRequest'), ...errors(), ...inline401 },
      },
    ],
    [
      item,
      'get',
      {
        operationId: `getResource${i}`,
        summary: `Get resource ${i}`,
        tags: [`resource${i % 50}`],
        security: read,
        parameters: [ID],
        responses: { ...one, ...itemErrors },
      },
    ],
    [
      item,
      'patch',
      {
        operationId: `updateResource${i}`,
        summary: `Update resource ${i}`,
        tags: [`resource${i % 50}`],
        security: write,
        parameters: [ID],
        requestBody: { required: true, content: json(resourceInputSchema(areaOf(i))) },
        responses: {
          ...one,
          '400': own('responses', 'BadRequest'),
          ...errors({ '404': own('responses', 'NotFound') }),
        },
      },
    ],
    [
      item,
      'delete',
      {
        operationId: `deleteResource${i}`,
        summary: `Delete resource ${i}`,
        tags: [`resource${i % 50}`],
        security: write,
        parameters: [ID],
        responses: { '204': { description: 'Deleted.' }, ...errors({ '404': own('responses', 'NotFound') }) },
      },
    ],
    [
      `${item}/events`,
      'get',
      {
        operationId: `listResource${i}Events`,
        summary: `List the events of resource ${i}`,
        tags: [`resource${i % 50}`],
        security: read,
        parameters: [ID, LIMIT, CURSOR],
        responses: {
          '200': { description: 'Events.', content: json({ type: 'array', items: own('schemas', 'Event') }) },
          ...errors({ '404': own('responses', 'NotFound') }),
        },
      },
    ],
  ];
  return operations.slice(0, OPERATIONS_PER_RESOURCE);
}

/** @param {number} area */
function resourceSchema(area) {
  const own = ownComponents(area);
  return {
    type: 'object',
    required: ['id', 'name'],
    properties: {
      id: { type: 'string', format: 'uuid', readOnly: true },
      name: { type: 'string', maxLength: 200 },
      description: { type: 'string' },
      status: { type: 'string', enum: ['active', 'archived', 'deleted'] },
      owner: own('schemas', 'User'),
      tags: { type: 'array', items: { type: 'string' } },
      parent_id: { type: 'string', format: 'uuid' },
      metadata: { type: 'object', additionalProperties: { type: 'string' } },
      created_at: { type: 'string', format: 'date-time', readOnly: true },
      updated_at: { type: 'string', format: 'date-time', readOnly: true },
    },
  };
}

/** @param {number} area */
function resourceInputSchema(area) {
  return {
    type: 'object',
    required: ['name'],
    properties: {
      name: { type: 'string', maxLength: 200 },
      description: { type: 'string' },
      tags: { type: 'array', items: { type: 'string' } },
      metadata: { type: 'object', additionalProperties: { type: 'string' } },
    },
    example: { name: `A resource of area ${area}`, tags: ['example'] },
  };
}

/**
 * @param {OwnComponent} own
 * @param {number} area
 */
function sharedSchemas(own, area) {
  return {
    Resource: resourceSchema(area),
    User: {
      type: 'object',
      properties: { id: { type: 'string' }, login: { type: 'string' }, email: { type: 'string', format: 'email' } },
    },
    Page: {
      type: 'object',
      properties: { next_cursor: { type: 'string', nullable: true }, total_count: { type: 'integer' } },
    },
    Event: {
      type: 'object',
      properties: {
        id: { type: 'string' },
        type: { type: 'string' },
        actor: own('schemas', 'User'),
        created_at: { type: 'string', format: 'date-time' },
      },
    },
    Error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' } },
    },
    ScopeError: {
      allOf: [
        own('schemas', 'Error'),
        { type: 'object', properties: { missing_scopes: { type: 'array', items: { type: 'string' } } } },
      ],
    },
  };
}

/** @param {OwnComponent} own */
function sharedResponses(own) {
  return {
    BadRequest: { description: 'The request is malformed.', content: json(own('schemas', 'Error')) },
    Unauthorized: {
      description: 'Missing, invalid or expired credentials.',
      headers: { 'WWW-Authenticate': { schema: { type: 'string' }, example: 'Bearer realm="api"' } },
      content: json(own('schemas', 'Error')),
    },
    Forbidden: { description: 'The caller lacks a scope.', content: json(own('schemas', 'ScopeError')) },
    NotFound: {
      description: 'No such resource, or not visible to the caller.',
      content: json(own('schemas', 'Error')),
    },
  };
}

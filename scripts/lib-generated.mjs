// Generated API descriptions for the benchmark: N operations shaped like real ones (GitHub's, Stripe's): resources
// with list/create/get/update/delete and a nested listing, shared schemas, parameters and 401/403/404 responses,
// OAuth2 scopes or an API key, and a few deliberate mistakes so that the rules have something to report.
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib-corpus.mjs';

export const GENERATED_DIR = join(ROOT, '.cache', 'bench');
/** Bump when the shape changes, so that a cached file of the old shape is not reused. */
const GENERATOR_VERSION = 1;
const OPERATIONS_PER_RESOURCE = 6;

/** The path of the generated document with `operations` operations, written on first use. */
export function generatedDocumentPath(operations) {
  const path = join(GENERATED_DIR, `generated-v${GENERATOR_VERSION}-${operations}.json`);
  if (!existsSync(path)) {
    mkdirSync(GENERATED_DIR, { recursive: true });
    writeFileSync(`${path}.partial`, JSON.stringify(generatedDocument(operations), null, 2));
    renameSync(`${path}.partial`, path);
  }
  return path;
}

const ref = (pointer) => ({ $ref: pointer });
const json = (schema) => ({ 'application/json': { schema } });

export function generatedDocument(operationCount) {
  const paths = {};
  const schemas = sharedSchemas();
  const scopes = {};
  let remaining = operationCount;
  for (let i = 0; remaining > 0; i++) {
    const operations = resourceOperations(i).slice(0, remaining);
    remaining -= operations.length;
    for (const [path, method, operation] of operations) (paths[path] ??= {})[method] = operation;
    schemas[`Resource${i}`] = resourceSchema(i);
    schemas[`Resource${i}Input`] = resourceInputSchema(i);
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
      parameters: {
        Limit: { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
        Cursor: { name: 'cursor', in: 'query', schema: { type: 'string' } },
        Id: { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
      },
      responses: sharedResponses(),
      schemas,
    },
  };
}

function resourceOperations(i) {
  const collection = `/v1/resource-${i}s`;
  const item = `${collection}/{id}`;
  const read = [{ oauth: [`resource${i}:read`] }, { apiKey: [] }];
  const write = [{ oauth: [`resource${i}:write`] }];
  const errors = (extra = {}) => ({
    '401': ref('#/components/responses/Unauthorized'),
    '403': ref('#/components/responses/Forbidden'),
    ...extra,
  });
  const one = { '200': { description: 'The resource.', content: json(ref(`#/components/schemas/Resource${i}`)) } };
  const page = {
    '200': {
      description: 'A page of resources.',
      content: json({
        allOf: [ref('#/components/schemas/Page'), { type: 'object', properties: { data: { type: 'array', items: ref(`#/components/schemas/Resource${i}`) } } }],
      }),
    },
  };
  // A few deliberate mistakes, at fixed rates, so that findings scale with the document like real ones.
  const listErrors = i % 7 === 3 ? errors({ '404': ref('#/components/responses/NotFound') }) : errors();
  const itemErrors = i % 10 === 5 ? errors() : errors({ '404': ref('#/components/responses/NotFound') });
  const inline401 = i % 5 === 2 ? { '401': { description: 'Missing or invalid token' } } : {};
  return [
    [collection, 'get', {
      operationId: `listResource${i}`, summary: `List resource ${i}`, tags: [`resource${i % 50}`], security: read,
      parameters: [ref('#/components/parameters/Limit'), ref('#/components/parameters/Cursor')],
      responses: { ...page, ...listErrors },
    }],
    [collection, 'post', {
      operationId: `createResource${i}`, summary: `Create resource ${i}`, tags: [`resource${i % 50}`], security: write,
      requestBody: { required: true, content: json(ref(`#/components/schemas/Resource${i}Input`)) },
      responses: { '201': one['200'], '400': ref('#/components/responses/BadRequest'), ...errors(), ...inline401 },
    }],
    [item, 'get', {
      operationId: `getResource${i}`, summary: `Get resource ${i}`, tags: [`resource${i % 50}`], security: read,
      parameters: [ref('#/components/parameters/Id')],
      responses: { ...one, ...itemErrors },
    }],
    [item, 'patch', {
      operationId: `updateResource${i}`, summary: `Update resource ${i}`, tags: [`resource${i % 50}`], security: write,
      parameters: [ref('#/components/parameters/Id')],
      requestBody: { required: true, content: json(ref(`#/components/schemas/Resource${i}Input`)) },
      responses: { ...one, '400': ref('#/components/responses/BadRequest'), ...errors({ '404': ref('#/components/responses/NotFound') }) },
    }],
    [item, 'delete', {
      operationId: `deleteResource${i}`, summary: `Delete resource ${i}`, tags: [`resource${i % 50}`], security: write,
      parameters: [ref('#/components/parameters/Id')],
      responses: { '204': { description: 'Deleted.' }, ...errors({ '404': ref('#/components/responses/NotFound') }) },
    }],
    [`${item}/events`, 'get', {
      operationId: `listResource${i}Events`, summary: `List the events of resource ${i}`, tags: [`resource${i % 50}`], security: read,
      parameters: [ref('#/components/parameters/Id'), ref('#/components/parameters/Limit'), ref('#/components/parameters/Cursor')],
      responses: {
        '200': { description: 'Events.', content: json({ type: 'array', items: ref('#/components/schemas/Event') }) },
        ...errors({ '404': ref('#/components/responses/NotFound') }),
      },
    }],
  ].slice(0, OPERATIONS_PER_RESOURCE);
}

function resourceSchema(i) {
  return {
    type: 'object',
    required: ['id', 'name'],
    properties: {
      id: { type: 'string', format: 'uuid', readOnly: true },
      name: { type: 'string', maxLength: 200 },
      description: { type: 'string' },
      status: { type: 'string', enum: ['active', 'archived', 'deleted'] },
      owner: ref('#/components/schemas/User'),
      tags: { type: 'array', items: { type: 'string' } },
      parent: ref(`#/components/schemas/Resource${i}`),
      metadata: { type: 'object', additionalProperties: { type: 'string' } },
      created_at: { type: 'string', format: 'date-time', readOnly: true },
      updated_at: { type: 'string', format: 'date-time', readOnly: true },
    },
  };
}

function resourceInputSchema(i) {
  return {
    type: 'object',
    required: ['name'],
    properties: {
      name: { type: 'string', maxLength: 200 },
      description: { type: 'string' },
      tags: { type: 'array', items: { type: 'string' } },
      metadata: { type: 'object', additionalProperties: { type: 'string' } },
    },
    example: { name: `Resource ${i}`, tags: ['example'] },
  };
}

function sharedSchemas() {
  return {
    User: { type: 'object', properties: { id: { type: 'string' }, login: { type: 'string' }, email: { type: 'string', format: 'email' } } },
    Page: { type: 'object', properties: { next_cursor: { type: 'string', nullable: true }, total_count: { type: 'integer' } } },
    Event: { type: 'object', properties: { id: { type: 'string' }, type: { type: 'string' }, actor: ref('#/components/schemas/User'), created_at: { type: 'string', format: 'date-time' } } },
    Error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } },
    ScopeError: {
      allOf: [ref('#/components/schemas/Error'), { type: 'object', properties: { missing_scopes: { type: 'array', items: { type: 'string' } } } }],
    },
  };
}

function sharedResponses() {
  return {
    BadRequest: { description: 'The request is malformed.', content: json(ref('#/components/schemas/Error')) },
    Unauthorized: {
      description: 'Missing, invalid or expired credentials.',
      headers: { 'WWW-Authenticate': { schema: { type: 'string' }, example: 'Bearer realm="api"' } },
      content: json(ref('#/components/schemas/Error')),
    },
    Forbidden: { description: 'The caller lacks a scope.', content: json(ref('#/components/schemas/ScopeError')) },
    NotFound: { description: 'No such resource, or not visible to the caller.', content: json(ref('#/components/schemas/Error')) },
  };
}

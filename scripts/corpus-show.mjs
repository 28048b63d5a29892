// `node scripts/corpus-show.mjs DOCUMENT [WHERE]`: what a reviewer needs to judge a corpus finding, without
// opening a minified description: the document's security schemes and root security, and for the operation
// named in WHERE (`GET /calls/{callId}`, as the triage shows it; every operation when absent) its own security,
// parameters and responses (code, description, headers, body schema names). Run `npm run corpus` first.
import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { CORPUS, corpusPathOf, ensureDirectoryCorpus } from './lib-corpus.mjs';

const [name, where] = process.argv.slice(2);
const documents = [...CORPUS.map((d) => ({ name: d.name, path: corpusPathOf(d) })), ...ensureDirectoryCorpus(() => {})];
const document = documents.find((d) => d.name === name);
if (document === undefined) {
  console.error(`${name ?? '(none)'} is not in the development corpus`);
  process.exit(2);
}
/** @typedef {any} Json a value of the parsed description, of any shape: the script prints what it finds */
/** @type {Json} */
const root = YAML.parse(readFileSync(document.path, 'utf8'), { maxAliasCount: -1 });
/** The value a local reference (`#/a/b~1c`) points at in the document. */
const pointedAt = (/** @type {string} */ ref) =>
  ref
    .slice(2)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((n, k) => n?.[k], root);
/** @type {(node: Json, hops?: number) => Json} */
const deref = (node, hops = 0) =>
  node && typeof node.$ref === 'string' && node.$ref.startsWith('#/') && hops < 10
    ? deref(pointedAt(node.$ref), hops + 1)
    : node;
const short = (/** @type {Json} */ text, length = 160) =>
  typeof text === 'string' ? text.replace(/\s+/g, ' ').slice(0, length) : text;

console.log(`${name}: ${root.openapi ? `OpenAPI ${root.openapi}` : `Swagger ${root.swagger}`}, ${root.info?.title}`);
const schemes = root.components?.securitySchemes ?? root.securityDefinitions ?? {};
for (const [key, scheme] of Object.entries(schemes)) {
  const s = deref(scheme) ?? {};
  console.log(
    `  scheme ${key}: ${s.type}${s.scheme ? ` ${s.scheme}` : ''}${s.in ? ` in ${s.in} ${s.name}` : ''}${s['x-amazon-apigateway-authtype'] ? ` (${s['x-amazon-apigateway-authtype']})` : ''} ${short(s.description, 80) ?? ''}`,
  );
}
console.log(`  root security: ${JSON.stringify(root.security)}`);

const [method, path] = (where ?? '').split(' › ')[0].split(' ');
for (const [p, item] of Object.entries(root.paths ?? {})) {
  if (path !== undefined && p !== path) continue;
  for (const [m, op] of Object.entries(item ?? {})) {
    if (!['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'].includes(m)) continue;
    if (method !== '' && method !== undefined && m !== method.toLowerCase()) continue;
    console.log(`\n${m.toUpperCase()} ${p}  ${short(op.summary ?? op.description, 100) ?? ''}`);
    if ('security' in op) console.log(`  security: ${JSON.stringify(op.security)}`);
    const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((x) => deref(x) ?? {});
    console.log(
      `  parameters: ${parameters.map((x) => `${x.name} (${x.in}${x.required ? ', required' : ''})`).join(', ')}`,
    );
    const body = deref(op.requestBody);
    if (body)
      console.log(
        `  request body: ${Object.entries(body.content ?? {})
          .map(
            ([type, media]) =>
              `${type} ${media.schema?.$ref ?? Object.keys(deref(media.schema)?.properties ?? {}).join(',')}`,
          )
          .join('; ')}`,
      );
    for (const [code, response] of Object.entries(op.responses ?? {})) {
      const r = deref(response) ?? {};
      /** @type {(schema: Json) => string | undefined} */
      const schemaName = (schema) =>
        schema?.$ref ??
        (schema?.allOf
          ? `allOf(${schema.allOf.map(schemaName).join(', ')})`
          : (schema?.type ?? (schema ? 'schema' : undefined)));
      const schemas = r.content
        ? Object.values(r.content).map((media) => schemaName(media.schema))
        : [schemaName(r.schema)];
      console.log(
        `  ${code}${response?.$ref ? ` (${response.$ref})` : ''}: ${short(r.description)}${r.headers ? ` headers: ${Object.keys(r.headers).join(', ')}` : ''} body: ${schemas.filter(Boolean).join(', ')}`,
      );
    }
  }
}

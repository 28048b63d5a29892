import * as YAML from 'yaml';
import { asObject, isObject } from '../openapi/json';
import type { DocumentFacts } from '../openapi/operations';
import { bodySchemasOf, documentedValuesOf, headerNamed } from '../openapi/responses';
import { hasPropertyNamed } from '../openapi/schemas';
import { authSchemesNamed, effectiveSecurity, scopesNamed } from '../openapi/security';
import { wordsOf } from '../openapi/text';
import type { RuleOptions } from '../rule';
import { forbiddenResponse, notFoundResponse, SharedResponseName, unauthorizedResponse } from './definitions';
import { after, atEnd, EditPlan, Placement } from './edits';
import { describe, Location, pairNamed, refStringOf, SourceFiles } from './locate';
import { refuse } from './refusal';
import type { SourceFile } from './source';

/**
 * The shared responses repairs point at (`#/components/responses/Unauthorized`, `#/responses/...` in 2.0).
 * A name is decided once per run: an existing component that says the same is reused; one that says something
 * else keeps its name, and a free one (`Unauthorized2`, ...) is created instead. New ones are added at the end.
 */
export class SharedResponses {
  /** What happened to each shared response, for the report: created, reused, or created under another name. */
  readonly notes: string[] = [];
  private readonly names = new Map<SharedResponseName, { name: string; note: string; definition?: unknown }>();
  private readonly used = new Set<SharedResponseName>();
  private readonly containerPath: string[];

  constructor(
    private readonly facts: DocumentFacts,
    private readonly files: SourceFiles,
    private readonly plan: EditPlan,
    private readonly options: RuleOptions,
    /** Components that a repair of this run completes (a header added, a property added): they will say the same. */
    private readonly completedByThisRun: (at: Location) => boolean,
  ) {
    this.containerPath = facts.version === '2.0' ? ['responses'] : ['components', 'responses'];
  }

  /**
   * The `$ref` (written from `from`) to the shared response, deciding its name on first use.
   * `use` it once a repair has referenced it: only used responses are created and reported.
   */
  refFor(name: SharedResponseName, from: SourceFile): string {
    let chosen = this.names.get(name);
    if (chosen === undefined) {
      chosen = this.choose(name);
      this.names.set(name, chosen);
    }
    return this.files.refTo(from, [...this.containerPath, chosen.name]);
  }

  use(name: SharedResponseName): void {
    if (!this.used.has(name) && this.names.has(name)) {
      this.used.add(name);
      this.notes.push(this.names.get(name)!.note);
    }
  }

  /** Adds the responses created in this run to the document, in one edit. */
  finish(): void {
    const created = new Map<string, unknown>();
    for (const name of this.used) {
      const chosen = this.names.get(name)!;
      if (chosen.definition !== undefined) created.set(chosen.name, chosen.definition);
    }
    if (created.size === 0) return;
    const container = this.existingContainer();
    const placements: Placement[] =
      this.facts.version === '2.0'
        ? [
            after(
              'swagger',
              'info',
              'host',
              'basePath',
              'schemes',
              'consumes',
              'produces',
              'paths',
              'definitions',
              'parameters',
            ),
          ]
        : [after('openapi', 'info', 'jsonSchemaDialect', 'servers', 'paths', 'webhooks'), after('schemas')];
    if (container.depth === this.containerPath.length) {
      for (const [name, definition] of created) this.plan.ensure(container.at, [name], definition, [atEnd]);
    } else {
      const rest = this.containerPath.slice(container.depth);
      this.plan.ensure(container.at, rest, created, placements.slice(container.depth));
    }
  }

  private choose(name: SharedResponseName): { name: string; note: string; definition?: unknown } {
    const container = this.existingContainer();
    const existing =
      container.depth === this.containerPath.length && YAML.isMap(container.at.node) ? container.at.node : undefined;
    const pointer = (candidate: string) => `#/${[...this.containerPath, candidate].join('/')}`;
    for (let suffix = 1; ; suffix++) {
      const candidate = suffix === 1 ? name : `${name}${suffix}`;
      if (existing === undefined || pairNamed(existing, candidate) === undefined) {
        const note =
          suffix === 1
            ? `created ${pointer(candidate)}`
            : `${pointer(name)} exists and says something else: created ${pointer(candidate)}`;
        return { name: candidate, note, definition: this.definitionOf(name) };
      }
      if (this.saysTheSame(name, candidate))
        return { name: candidate, note: `reused ${pointer(candidate)} (it says the same)` };
    }
  }

  /** How far the container (`components.responses`) exists in the root file; refuses one that cannot be edited. */
  private existingContainer(): { at: Location; depth: number } {
    let at = this.files.rootLocation();
    for (let depth = 0; depth < this.containerPath.length; depth++) {
      if (!YAML.isMap(at.node)) refuse(`${describe(at)} is not a map`);
      const pair = pairNamed(at.node, this.containerPath[depth]);
      if (pair === undefined) return { at, depth };
      const child = YAML.isNode(pair.value) ? pair.value : null;
      const next: Location = { ...at, node: child, path: [...at.path, this.containerPath[depth]] };
      if (refStringOf(child) !== undefined || YAML.isAlias(child)) {
        refuse(`${describe(next)} is a reference: add the shared responses where it points`);
      }
      at = next;
    }
    if (!YAML.isMap(at.node)) refuse(`${describe(at)} is not a map`);
    return { at, depth: this.containerPath.length };
  }

  /** Whether an existing component promises what the repair needs from it. */
  private saysTheSame(name: SharedResponseName, candidate: string): boolean {
    const container =
      this.facts.version === '2.0' ? this.facts.resolved.responses : asObject(this.facts.resolved.components).responses;
    const definition = asObject(container)[candidate];
    if (!isObject(definition)) return false;
    if (this.isCompletedByThisRun(candidate)) return true;
    switch (name) {
      case 'Unauthorized':
        return headerNamed(definition, 'WWW-Authenticate') !== undefined;
      case 'Forbidden':
        return namesMissingGrants(definition, this.facts, this.options);
      case 'NotFound':
        return typeof definition.description === 'string' && saysHidden(definition.description);
    }
  }

  private isCompletedByThisRun(candidate: string): boolean {
    try {
      return this.completedByThisRun(this.files.locate([...this.containerPath, candidate], true));
    } catch {
      return false;
    }
  }

  private definitionOf(name: SharedResponseName): unknown {
    const version = this.facts.version;
    const schemes = documentAuthSchemes(this.facts);
    switch (name) {
      case 'Unauthorized':
        return unauthorizedResponse(version, schemes);
      case 'Forbidden':
        return forbiddenResponse(version, schemes.includes('Bearer'), exampleScope(this.facts));
      case 'NotFound':
        return notFoundResponse();
    }
  }
}

/** "... is not visible to the caller", "hidden": a 404 that also covers items the caller may not see. */
function saysHidden(description: string): boolean {
  const words = wordsOf(description);
  return words.some(
    (word, index) => word === 'hidden' || word === 'invisible' || (word === 'visible' && words[index - 1] === 'not'),
  );
}

/** The same test as `auth-403-describes-scopes`: a grant property in a body, or an insufficient_scope challenge. */
function namesMissingGrants(response: unknown, facts: DocumentFacts, options: RuleOptions): boolean {
  const version = facts.version;
  const isGrant = (property: string) =>
    options.missingGrantPropertyParts.some((part) => property.toLowerCase().includes(part));
  if (bodySchemasOf(response, version).some((schema) => hasPropertyNamed(schema, isGrant, 1, facts.resolved)))
    return true;
  const header = headerNamed(response, 'WWW-Authenticate');
  if (header === undefined) return false;
  const texts = documentedValuesOf(header.header, version);
  if (typeof header.header.description === 'string') texts.push(header.header.description);
  return texts.some((text) => text.toLowerCase().includes('insufficient_scope'));
}

/**
 * The auth-schemes the document uses (`Bearer`, `Basic`), in order of first use by a secured operation;
 * when no operation names one, those of every scheme it defines.
 */
export function documentAuthSchemes(facts: DocumentFacts): string[] {
  const used = [
    ...new Set(facts.operations.filter((op) => op.security.secured).flatMap((op) => op.security.schemeNames)),
  ];
  const schemes = authSchemesNamed(used, facts.securitySchemes);
  return schemes.length > 0 ? schemes : authSchemesNamed(Object.keys(facts.securitySchemes), facts.securitySchemes);
}

function exampleScope(facts: DocumentFacts): string | undefined {
  for (const operation of facts.operations) {
    if (!operation.security.scoped) continue;
    const [scope] = scopesNamed(effectiveSecurity(facts.resolved, operation.operation));
    if (scope !== undefined) return scope;
  }
  return undefined;
}

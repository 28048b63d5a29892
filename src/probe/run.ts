// One probe run: learn which items exist, send the checks' requests, and judge what came back.

import { membersOfListing } from '../openapi/collections';
import type { DocumentFacts } from '../openapi/operations';
import type { ProbeFinding } from './checks/check';
import { CHECKS } from './checks';
import { Credentials, RoleCredentials, valuesOf } from './credentials';
import { evidenceOf, redactor } from './evidence';
import { itemsKnown, planChecks, planDiscovery, PlannedRequest, Role, unknownIdLike } from './plan';
import { createSender, Exchange, jsonBodyOf, ProbeStopped, SendOptions } from './send';

export interface ProbeOptions extends SendOptions {
  unsafeMethods: boolean;
}

export interface ProbeResult {
  findings: ProbeFinding[];
  /** Checks that could not run, and why. */
  notes: string[];
  sent: number;
  /** Why the run ended before its plan was done, if it did. */
  stopped?: ProbeStopped['reason'];
}

/**
 * Runs the probe; every credential is redacted from the evidence. Findings are judged on whatever was observed, also when the run stops early (request budget,
 * Ctrl-C). Throws `ServerUnreachable` when a request gets no answer, `OffOrigin` for a URL off the server.
 */
export async function runProbe(
  document: DocumentFacts,
  credentials: Credentials,
  options: ProbeOptions,
): Promise<ProbeResult> {
  const sender = createSender(options);
  const roles = credentialsByRole(credentials);
  // Every value sent as credentials, the made-up invalid ones too: no Authorization value is ever shown.
  const redact = redactor(Object.values(roles).flatMap((role) => (role === undefined ? [] : valuesOf(role))));
  const exchanges: Exchange[] = [];
  const notes: string[] = [];
  const sendAll = async (requests: readonly PlannedRequest[]) => {
    for (const request of requests) exchanges.push(await sender.send(request, roles[request.role]));
  };
  let stopped: ProbeStopped['reason'] | undefined;
  try {
    await sendAll(planDiscovery(document, credentials, options));
    const listed = new Map<string, string>();
    for (const exchange of exchanges) {
      const id = firstIdListed(exchange);
      if (id !== undefined) listed.set(exchange.request.operation.path, id);
    }
    const plan = planChecks(document, credentials, itemsKnown(document, credentials, listed), options);
    notes.push(...plan.notes);
    await sendAll(plan.requests);
  } catch (error) {
    if (!(error instanceof ProbeStopped)) throw error;
    stopped = error.reason;
  }
  const hiddenPaths = new Set(
    exchanges.filter((exchange) => exchange.request.purpose === 'hidden-item').map((exchange) => exchange.url),
  );
  for (const control of exchanges.filter((exchange) => exchange.request.purpose === 'control')) {
    if ((control.status >= 200 && control.status <= 299) || !hiddenPaths.has(control.url)) continue;
    notes.push(
      `${control.request.operation.label}: the owner could not read ${redact(control.url)} (${control.status}), ` +
        'so the hidden-item check of that item proves nothing and was not judged',
    );
  }
  const input = { document, exchanges, evidence: (exchange: Exchange) => evidenceOf(exchange, redact) };
  return { findings: CHECKS.flatMap((check) => check(input)), notes, sent: sender.sent, stopped };
}

function credentialsByRole(credentials: Credentials): Record<Role, RoleCredentials | undefined> {
  return {
    none: undefined,
    invalid: wrongButWellFormed(credentials.owner),
    owner: credentials.owner,
    other: credentials.other,
    unscoped: credentials.unscoped,
  };
}

/**
 * The owner's credentials with every value replaced by a random one of the same shape, an `Authorization` scheme
 * kept (`Bearer owner-token` → `Bearer xkqvz-wnbxd`): credentials a server must take for credentials, and refuse.
 */
export function wrongButWellFormed(owner: RoleCredentials): RoleCredentials {
  const scrambled = (values: Record<string, string>) =>
    Object.fromEntries(
      Object.entries(values).map(([name, value]) => {
        const schemed = /^(\S+\s+)(\S.*)$/.exec(value);
        return [name, schemed === null ? unknownIdLike(value) : `${schemed[1]}${unknownIdLike(schemed[2])}`];
      }),
    );
  return { headers: scrambled(owner.headers), query: scrambled(owner.query), cookies: scrambled(owner.cookies) };
}

/** The `id` of the first member of a successful listing, when it has one. */
function firstIdListed(exchange: Exchange): string | undefined {
  if (exchange.status !== 200) return undefined;
  const first = membersOfListing(jsonBodyOf(exchange))?.[0];
  const id = typeof first === 'object' && first !== null ? (first as Record<string, unknown>).id : undefined;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

// What a finding shows of an exchange: one line, with every credential taken out.

import type { Role } from './plan';
import type { Exchange } from './send';

export const REDACTED = '[redacted]';

/** How a request's role reads in evidence. */
const ROLE_WORDS: Record<Role, string> = {
  none: 'no credentials',
  invalid: 'invalid credentials',
  owner: 'as owner',
  other: 'as other',
  unscoped: 'as unscoped',
};

/** How much of a body evidence quotes. */
const BODY_EXCERPT = 160;

/**
 * A function that replaces every secret in a text by `[redacted]`: each value the credentials file gives, the token
 * after its scheme (`owner-token` of `Bearer owner-token`), as written and percent-encoded, and any `Authorization`
 * value a text quotes.
 */
export function redactor(secrets: readonly string[]): (text: string) => string {
  const forms = new Set<string>();
  for (const secret of secrets) {
    const token = /^\S+\s+(\S.*)$/.exec(secret)?.[1];
    for (const value of [secret, token]) {
      if (value === undefined || value.trim() === '') continue;
      forms.add(value);
      forms.add(encodeURIComponent(value));
      forms.add(new URLSearchParams({ v: value }).toString().slice(2));
    }
  }
  const longestFirst = [...forms].sort((a, b) => b.length - a.length);
  return (text) => {
    let redacted = text.replace(/(authorization["']?\s*[:=]\s*["']?)[^"',;\n]+/gi, `$1${REDACTED}`);
    for (const form of longestFirst) redacted = redacted.split(form).join(REDACTED);
    return redacted;
  };
}

/** `… → 403; WWW-Authenticate: none; body: {"title":…}`: the request, the status, the challenge and the body's start. */
export function evidenceOf(exchange: Exchange, redact: (text: string) => string): string {
  const { request, headers } = exchange;
  const parts = [`${request.method} ${exchange.url} (${ROLE_WORDS[request.role]}) → ${exchange.status}`];
  parts.push(`WWW-Authenticate: ${headers['www-authenticate'] ?? 'none'}`);
  if (headers.location !== undefined) parts.push(`Location: ${headers.location}`);
  parts.push(`body: ${excerpt(exchange.body)}`);
  return redact(parts.join('; '));
}

function excerpt(body: string): string {
  const oneLine = body.replace(/\s+/g, ' ').trim();
  if (oneLine === '') return 'empty';
  return oneLine.length > BODY_EXCERPT ? `${oneLine.slice(0, BODY_EXCERPT - 1)}…` : oneLine;
}

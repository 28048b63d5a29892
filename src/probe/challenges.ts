// Reading a `WWW-Authenticate` header (RFC 9110 §11.6.1): a list of challenges, each an auth-scheme followed by a
// token68 or by `name=value` parameters, with commas between challenges and between parameters alike.

export interface Challenge {
  /** As sent: `Bearer`. */
  scheme: string;
  /** Parameter names in lower case; quoted values unquoted. */
  params: Record<string, string>;
}

const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const PARAM = new RegExp(`^(${TOKEN})\\s*=\\s*("(?:[^"\\\\]|\\\\.)*"|[^,\\s]*)$`);
const SCHEME_START = new RegExp(`^(${TOKEN})(?:\\s+(.*))?$`, 's');

/** The header's elements: comma-separated, commas inside quoted strings kept. */
function elementsOf(header: string): string[] {
  const elements: string[] = [];
  let current = '';
  let quoted = false;
  for (let index = 0; index < header.length; index++) {
    const character = header[index];
    if (character === '\\' && quoted) {
      current += character + (header[index + 1] ?? '');
      index++;
    } else if (character === '"') {
      quoted = !quoted;
      current += character;
    } else if (character === ',' && !quoted) {
      elements.push(current.trim());
      current = '';
    } else current += character;
  }
  elements.push(current.trim());
  return elements.filter((element) => element !== '');
}

function unquoted(value: string): string {
  return value.startsWith('"') && value.endsWith('"') && value.length >= 2
    ? value.slice(1, -1).replace(/\\(.)/g, '$1')
    : value;
}

/** The challenges of a `WWW-Authenticate` value; none for an absent or empty header. */
export function challengesOf(header: string | undefined): Challenge[] {
  const challenges: Challenge[] = [];
  for (const element of elementsOf(header ?? '')) {
    const param = PARAM.exec(element);
    const current = challenges[challenges.length - 1];
    if (param !== null && current !== undefined) {
      current.params[param[1].toLowerCase()] = unquoted(param[2]);
      continue;
    }
    const start = SCHEME_START.exec(element);
    if (start === null) continue;
    const challenge: Challenge = { scheme: start[1], params: {} };
    const rest = PARAM.exec(start[2] ?? '');
    if (rest !== null) challenge.params[rest[1].toLowerCase()] = unquoted(rest[2]);
    challenges.push(challenge);
  }
  return challenges;
}

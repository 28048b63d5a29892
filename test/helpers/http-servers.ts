import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LineCounter, parseDocument, isMap, isScalar, Node } from 'yaml';

/** A request as a test server saw it. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  /** When it arrived (ms). */
  at: number;
}

export interface TestServer {
  url: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1, on a free port, that records every request it gets. */
export function startHttpServer(
  handler: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<TestServer> {
  const requests: SeenRequest[] = [];
  const server = createServer((request, response) => {
    requests.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, at: Date.now() });
    handler(request, response);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        requests,
        close: () =>
          new Promise((closed) => {
            server.closeAllConnections();
            server.close(() => closed());
          }),
      });
    });
  });
}

/**
 * The 1-based line of the key at a path of a YAML document (`['paths', '/calls', 'get', 'responses', '404']`), read
 * with the `yaml` package: an oracle for where findings land that does not share the command's way of locating them.
 */
export function lineOfKey(text: string, path: readonly string[]): number {
  const lineCounter = new LineCounter();
  let node: unknown = parseDocument(text, { lineCounter }).contents;
  let keyNode: Node | undefined;
  for (const segment of path) {
    if (!isMap(node)) throw new Error(`no map at ${segment}`);
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === segment);
    if (pair === undefined) throw new Error(`no key ${segment}`);
    keyNode = pair.key as Node;
    node = pair.value;
  }
  return lineCounter.linePos(keyNode?.range?.[0] ?? 0).line;
}

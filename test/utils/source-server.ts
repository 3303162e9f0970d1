import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type SourceHandler = (request: http.IncomingMessage, response: http.ServerResponse) => void;

/** A local HTTP server standing in for the web a URL source is fetched from. */
export interface SourceServer {
  readonly port: number;
  /** `http://127.0.0.1:<port><path>` */
  url(path: string): string;
  /** Paths requested so far, in order. */
  readonly requested: string[];
  /** Answers `path` with `handler` from now on. */
  route(path: string, handler: SourceHandler): void;
  close(): Promise<void>;
}

/** Serves routes set with `route`; anything else is 404. Listens on 127.0.0.1 and ::1 (dual). */
export async function startSourceServer(): Promise<SourceServer> {
  const routes = new Map<string, SourceHandler>();
  const requested: string[] = [];
  const server = http.createServer((request, response) => {
    const path = request.url ?? '/';
    requested.push(path);
    const handler = routes.get(path);
    if (handler) {
      handler(request, response);
    } else {
      response.writeHead(404).end('not here');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requested,
    route: (path, handler) => routes.set(path, handler),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

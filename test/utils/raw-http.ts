import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RawRequest {
  readonly method: string;
  /** Sent byte for byte (latin1): `%FF` stays an escape, `\xff` becomes the raw byte 0xFF. */
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: Buffer | string;
  /** Send the body with `Transfer-Encoding: chunked` (no Content-Length), in two chunks. */
  readonly chunked?: boolean;
  readonly timeoutMs?: number;
}

export interface RawResponse {
  /** 0 when no response arrived (see `error`). */
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly text: string;
  /** Why no response arrived: a timeout (a hang) or a socket error before any answer. */
  readonly error?: string;
}

/** Makes `server` listen on an ephemeral loopback port (supertest then reuses it). */
export async function listen(server: http.Server): Promise<void> {
  if (server.listening) {
    return;
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
}

/**
 * One request over a fresh connection with exactly the bytes given: no path normalisation, no
 * re-encoding, no automatic Content-Type. A server that answers before reading the whole body
 * (a 413 on Content-Length, say) may reset the socket while we still write; the answer counts.
 */
export function rawRequest(server: http.Server, request: RawRequest): Promise<RawResponse> {
  const { port } = server.address() as AddressInfo;
  const body = typeof request.body === 'string' ? Buffer.from(request.body) : request.body;
  const headers: Record<string, string> = { ...request.headers };
  if (body !== undefined) {
    if (request.chunked) {
      headers['Transfer-Encoding'] = 'chunked';
    } else {
      headers['Content-Length'] = String(body.length);
    }
  }
  return new Promise((resolve) => {
    let settled = false;
    const settle = (response: RawResponse) => {
      if (!settled) {
        settled = true;
        resolve(response);
      }
    };
    const outgoing = http.request(
      {
        host: '127.0.0.1',
        port,
        method: request.method,
        path: request.path,
        headers,
        agent: false,
        insecureHTTPParser: false,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', (error) =>
          settle({ status: 0, headers: {}, text: '', error: `response: ${error.message}` }),
        );
        incoming.on('end', () =>
          settle({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    outgoing.setTimeout(request.timeoutMs ?? 15_000, () => {
      settle({ status: 0, headers: {}, text: '', error: 'timeout: no answer (the server hangs)' });
      outgoing.destroy();
    });
    // EPIPE / ECONNRESET after the answer arrived are expected; before it, they are the result.
    outgoing.on('error', (error) => {
      setTimeout(
        () => settle({ status: 0, headers: {}, text: '', error: `request: ${error.message}` }),
        200,
      );
    });
    if (body === undefined) {
      outgoing.end();
    } else if (request.chunked) {
      const half = Math.floor(body.length / 2);
      outgoing.write(body.subarray(0, half));
      outgoing.end(body.subarray(half));
    } else {
      outgoing.end(body);
    }
  });
}

import http from 'node:http';
import net, { type AddressInfo } from 'node:net';

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
  /** The body's bytes as received (binary bodies: zips, downloads). */
  readonly bytes: Buffer;
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
          settle({
            status: 0,
            headers: {},
            text: '',
            bytes: Buffer.alloc(0),
            error: `response: ${error.message}`,
          }),
        );
        incoming.on('end', () => {
          const bytes = Buffer.concat(chunks);
          settle({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            text: bytes.toString('utf8'),
            bytes,
          });
        });
      },
    );
    outgoing.setTimeout(request.timeoutMs ?? 15_000, () => {
      settle({
        status: 0,
        headers: {},
        text: '',
        bytes: Buffer.alloc(0),
        error: 'timeout: no answer (the server hangs)',
      });
      outgoing.destroy();
    });
    // EPIPE / ECONNRESET after the answer arrived are expected; before it, they are the result.
    outgoing.on('error', (error) => {
      setTimeout(
        () =>
          settle({
            status: 0,
            headers: {},
            text: '',
            bytes: Buffer.alloc(0),
            error: `request: ${error.message}`,
          }),
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

/** A pause in a {@link slowRequest}'s sending. */
export interface Pause {
  readonly pauseMs: number;
}

export interface SlowResponse {
  /** 0 when no answer arrived before the connection closed. */
  readonly status: number;
  readonly text: string;
  /** The server closed the connection before every part was sent. */
  readonly cutShort: boolean;
}

/**
 * Sends `head` (request line and headers, without the blank line) and then each part in turn
 * on a raw socket, pausing where told: a deliberately slow client. Resolves once the server
 * closes the connection or answers after the last part was sent.
 */
export function slowRequest(
  server: http.Server,
  head: string,
  parts: readonly (Buffer | string | Pause)[],
): Promise<SlowResponse> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let sentAll = false;
    let settled = false;
    const settle = () => {
      if (settled) {
        return;
      }
      settled = true;
      const text = Buffer.concat(chunks).toString('latin1');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(text);
      const body = text.indexOf('\r\n\r\n');
      socket.destroy();
      resolve({
        status: status ? Number(status[1]) : 0,
        text: body >= 0 ? text.slice(body + 4) : '',
        cutShort: !sentAll,
      });
    };
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      const text = Buffer.concat(chunks).toString('latin1');
      const length = /\r\ncontent-length: (\d+)\r\n/i.exec(text);
      const body = text.indexOf('\r\n\r\n');
      // A complete answer to a completely sent request: done, whatever keep-alive says.
      if (sentAll && length && body >= 0 && text.length - body - 4 >= Number(length[1])) {
        settle();
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', settle);
    socket.on('connect', () => {
      void (async () => {
        socket.write(`${head}\r\n\r\n`, 'latin1');
        for (const part of parts) {
          if (socket.destroyed || !socket.writable) {
            return;
          }
          if (typeof part === 'object' && 'pauseMs' in part) {
            await new Promise((wait) => setTimeout(wait, part.pauseMs));
          } else {
            socket.write(part);
          }
        }
        sentAll = !socket.destroyed && socket.writable;
        socket.emit('data', Buffer.alloc(0));
      })();
    });
  });
}

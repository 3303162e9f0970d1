import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { Transform, type Readable } from 'node:stream';
import { mayConnect, type AddressPolicy } from './address-policy.js';

/** Why a fetch failed, for callers that react differently (none retries any of these). */
export type SourceFetchFailure =
  'url' | 'address' | 'redirects' | 'status' | 'size' | 'timeout' | 'aborted' | 'network';

/** A fetch that failed for a reason a person can act on; the message is shown to them. */
export class SourceFetchError extends Error {
  constructor(
    readonly reason: SourceFetchFailure,
    message: string,
  ) {
    super(message);
    this.name = 'SourceFetchError';
  }
}

export interface GuardedFetcherOptions extends AddressPolicy {
  /** Largest body accepted, in bytes. */
  readonly maxBytes: number;
  /** From the first connection to the body's last byte, in milliseconds. */
  readonly totalTimeoutMs: number;
  /** Longest the source may stay silent, in milliseconds. */
  readonly idleTimeoutMs: number;
  /** Redirects followed at most (each one checked like the first URL). */
  readonly maxRedirects?: number;
}

export interface FetchedSource {
  /**
   * The body. It fails with a {@link SourceFetchError} when the source sends more than
   * `maxBytes`, goes silent, or the total time runs out while it is read.
   */
  readonly body: Readable;
  /** The URL the body came from, after redirects. */
  readonly url: string;
  /** The declared length, when the source declared one. */
  readonly contentLength: number | undefined;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const DEFAULT_MAX_REDIRECTS = 5;

/**
 * GETs a URL on behalf of a user without letting the URL reach what the user could not:
 * http(s) only; every host name is resolved by the connection's own `lookup`, which refuses
 * the connection if any address it resolves to is not public (see address-policy), so the
 * address checked is the address connected to (no window for DNS to answer differently in
 * between); IP literals, which skip `lookup`, are checked before connecting; each redirect is
 * a new URL checked the same way.
 */
export class GuardedFetcher {
  private readonly maxRedirects: number;

  constructor(private readonly options: GuardedFetcherOptions) {
    this.maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  }

  /** Connects and follows redirects; resolves with the body still to be read. */
  async open(url: string, signal?: AbortSignal): Promise<FetchedSource> {
    const deadline = new AbortController();
    let failure: SourceFetchError | undefined;
    const fail = (error: SourceFetchError) => {
      failure ??= error;
      deadline.abort(failure);
    };
    const timer = setTimeout(
      () =>
        fail(
          new SourceFetchError(
            'timeout',
            `The source did not deliver its file within ${seconds(this.options.totalTimeoutMs)}.`,
          ),
        ),
      this.options.totalTimeoutMs,
    );
    const onAbort = () => fail(new SourceFetchError('aborted', 'The fetch was cancelled.'));
    if (signal?.aborted) {
      onAbort();
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    const release = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    try {
      let current = this.checkUrl(url);
      for (let redirects = 0; ; redirects += 1) {
        const response = await this.request(current, deadline.signal, fail);
        const status = response.statusCode ?? 0;
        const location = response.headers.location;
        if (REDIRECT_STATUSES.has(status) && location !== undefined) {
          response.destroy();
          if (redirects >= this.maxRedirects) {
            throw new SourceFetchError(
              'redirects',
              `The source redirected more than ${this.maxRedirects} times.`,
            );
          }
          current = this.checkUrl(location, current);
          continue;
        }
        if (status < 200 || status > 299) {
          response.destroy();
          throw new SourceFetchError('status', `The source answered HTTP ${status}.`);
        }
        const declared = Number(response.headers['content-length']);
        const contentLength = Number.isSafeInteger(declared) ? declared : undefined;
        if (contentLength !== undefined && contentLength > this.options.maxBytes) {
          response.destroy();
          throw this.tooLarge();
        }
        const body = this.bounded(response, deadline.signal, () => failure, release);
        return { body, url: current.href, contentLength };
      }
    } catch (error) {
      release();
      throw failure ?? asFetchError(error);
    }
  }

  /** Parses and checks a URL (relative ones against `base`): scheme, and an IP literal host. */
  private checkUrl(raw: string, base?: URL): URL {
    let url: URL;
    try {
      url = new URL(raw, base);
    } catch {
      throw new SourceFetchError('url', `Not a valid URL: ${raw.slice(0, 200)}`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new SourceFetchError(
        'url',
        `Only http and https URLs can be fetched, not ${url.protocol}`,
      );
    }
    const host = bareHost(url);
    // Node connects to an IP literal without calling `lookup`: check it here.
    if (isIP(host) !== 0 && !mayConnect(this.options, host, host)) {
      throw refusedAddress(host, host);
    }
    return url;
  }

  private request(
    url: URL,
    signal: AbortSignal,
    fail: (error: SourceFetchError) => void,
  ): Promise<IncomingMessage> {
    return new Promise((resolve, reject) => {
      const client = url.protocol === 'https:' ? https : http;
      const request = client.request(
        url,
        {
          method: 'GET',
          // No pooled sockets: every connection goes through this URL's checking lookup.
          agent: false,
          lookup: this.lookupFor(bareHost(url)),
          signal,
          headers: { accept: '*/*', 'accept-encoding': 'identity', 'user-agent': 'Strata' },
        },
        resolve,
      );
      // A socket timeout: it covers the wait for the answer and every pause in its body.
      request.setTimeout(this.options.idleTimeoutMs, () => {
        fail(
          new SourceFetchError(
            'timeout',
            `The source sent nothing for ${seconds(this.options.idleTimeoutMs)}.`,
          ),
        );
        request.destroy();
      });
      request.once('error', reject);
      request.end();
    });
  }

  /** `dns.lookup` that refuses every answer holding an address the policy does not allow. */
  private lookupFor(hostname: string): LookupFunction {
    return (host, options, callback) => {
      dnsLookup(host, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
        if (error) {
          callback(error, '', 0);
          return;
        }
        const refused = addresses.find(
          ({ address }) => !mayConnect(this.options, hostname, address),
        );
        if (refused !== undefined || addresses.length === 0) {
          callback(refusedAddress(hostname, refused?.address ?? 'nothing'), '', 0);
        } else if (options.all === true) {
          (callback as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
        } else {
          callback(null, addresses[0].address, addresses[0].family);
        }
      });
    };
  }

  /** The response body, failing past `maxBytes` and with the fetch's own failure otherwise. */
  private bounded(
    response: IncomingMessage,
    signal: AbortSignal,
    failure: () => SourceFetchError | undefined,
    release: () => void,
  ): Readable {
    const maxBytes = this.options.maxBytes;
    const tooLarge = () => this.tooLarge();
    let seen = 0;
    const body = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        seen += chunk.length;
        callback(seen > maxBytes ? tooLarge() : null, chunk);
      },
    });
    const onAbort = () => body.destroy(failure());
    signal.addEventListener('abort', onAbort, { once: true });
    response.once('error', (error) => body.destroy(failure() ?? asFetchError(error)));
    // The connection closed before the declared length (or the last chunk) arrived.
    response.once('aborted', () =>
      body.destroy(
        failure() ?? new SourceFetchError('network', 'The source closed the connection early.'),
      ),
    );
    body.once('close', () => {
      signal.removeEventListener('abort', onAbort);
      release();
      response.destroy();
    });
    response.pipe(body);
    return body;
  }

  private tooLarge(): SourceFetchError {
    return new SourceFetchError(
      'size',
      `The source's file is larger than the limit of ${this.options.maxBytes} bytes.`,
    );
  }
}

/** The URL's host without IPv6 brackets. */
function bareHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

function refusedAddress(hostname: string, address: string): SourceFetchError {
  const what = hostname === address ? address : `${hostname} resolves to ${address}, which`;
  return new SourceFetchError('address', `${what} is not a public address; it may not be fetched.`);
}

function asFetchError(error: unknown): SourceFetchError {
  if (error instanceof SourceFetchError) {
    return error;
  }
  const message = error instanceof Error ? error.message : String(error);
  return new SourceFetchError('network', `Could not fetch the source: ${message}`);
}

function seconds(ms: number): string {
  const value = Math.ceil(ms / 1000);
  return `${value} ${value === 1 ? 'second' : 'seconds'}`;
}

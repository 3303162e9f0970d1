import { buffer } from 'node:stream/consumers';
import { isPublicAddress } from '../../src/modules/sources/address-policy.js';
import {
  GuardedFetcher,
  SourceFetchError,
  type GuardedFetcherOptions,
} from '../../src/modules/sources/guarded-fetcher.js';
import { startSourceServer, type SourceServer } from '../utils/source-server.js';

const LIMITS = { maxBytes: 1024, totalTimeoutMs: 5000, idleTimeoutMs: 2000 };
const fetcher = (options: Partial<GuardedFetcherOptions> = {}) =>
  new GuardedFetcher({ ...LIMITS, allowedHosts: [], allowPrivate: false, ...options });

/** The fetch's failure (from opening or from reading the body). */
async function failureOf(work: Promise<unknown>): Promise<SourceFetchError> {
  const error = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SourceFetchError);
  return error as SourceFetchError;
}

describe('isPublicAddress', () => {
  it.each(['8.8.8.8', '93.184.216.34', '2606:4700::1111', '2a00:1450:4001::200e'])(
    'should allow the global unicast address %s',
    (address) => expect(isPublicAddress(address)).toBe(true),
  );

  it.each([
    '127.0.0.1',
    '127.1.2.3',
    '10.0.0.1',
    '172.16.5.4',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '192.0.2.1',
    '198.18.0.1',
    '240.0.0.1',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:8.8.8.8',
    '::127.0.0.1',
    '64:ff9b::7f00:1',
    '64:ff9b::808:808',
    '2002:7f00:1::1',
    '2001::1',
    '2001:db8::1',
    'localhost',
    '',
  ])('should refuse %j', (address) => expect(isPublicAddress(address)).toBe(false));
});

describe('GuardedFetcher', () => {
  let source: SourceServer;

  beforeEach(async () => {
    source = await startSourceServer();
  });

  afterEach(async () => {
    await source.close();
  });

  it('should fetch a local file when private addresses are allowed', async () => {
    source.route('/data.csv', (_request, response) => response.end('a,b\n1,2\n'));
    const fetched = await fetcher({ allowPrivate: true }).open(source.url('/data.csv'));
    expect((await buffer(fetched.body)).toString()).toBe('a,b\n1,2\n');
    expect(fetched.url).toBe(source.url('/data.csv'));
    expect(fetched.contentLength).toBe(8);
  });

  it('should follow up to 5 redirects, and refuse the 6th', async () => {
    for (let i = 0; i < 6; i += 1) {
      source.route(`/r${i}`, (_request, response) =>
        response.writeHead(302, { location: `/r${i + 1}` }).end(),
      );
    }
    source.route('/r6', (_request, response) => response.end('arrived'));
    const open = (path: string) => fetcher({ allowPrivate: true }).open(source.url(path));
    const fetched = await open('/r1');
    expect((await buffer(fetched.body)).toString()).toBe('arrived');
    expect(fetched.url).toBe(source.url('/r6'));
    const error = await failureOf(open('/r0'));
    expect(error.reason).toBe('redirects');
  });

  it('should refuse loopback addresses, literal or resolved, without connecting', async () => {
    source.route('/secret', (_request, response) => response.end('internal'));
    const literal = await failureOf(fetcher().open(source.url('/secret')));
    expect(literal.reason).toBe('address');
    const resolved = await failureOf(fetcher().open(`http://localhost:${source.port}/secret`));
    expect(resolved.reason).toBe('address');
    expect(resolved.message).toMatch(/^localhost resolves to (127\.0\.0\.1|::1), which is not/);
    expect(source.requested).toEqual([]);
  });

  it.each([
    ['a private address', 'http://10.0.0.1/'],
    ['the cloud metadata address', 'http://169.254.169.254/latest/meta-data/'],
    ['an IPv4-mapped IPv6 loopback', 'http://[::ffff:127.0.0.1]:PORT/secret'],
    ['a NAT64-embedded loopback', 'http://[64:ff9b::7f00:1]:PORT/secret'],
    ['loopback under another name', 'http://127.0.0.1:PORT/secret'],
  ])('should refuse a redirect to %s', async (_what, target) => {
    source.route('/hop', (_request, response) =>
      response.writeHead(302, { location: target.replace('PORT', String(source.port)) }).end(),
    );
    source.route('/secret', (_request, response) => response.end('internal'));
    // localhost is allowed by name, so the first hop connects; the redirect's target is not.
    const error = await failureOf(
      fetcher({ allowedHosts: ['localhost'] }).open(`http://localhost:${source.port}/hop`),
    );
    expect(error.reason).toBe('address');
    expect(source.requested).toEqual(['/hop']);
  });

  it.each(['file:///etc/passwd', 'ftp://example.com/x', 'gopher://x/', 'not a url'])(
    'should refuse %j',
    async (url) => {
      const error = await failureOf(fetcher({ allowPrivate: true }).open(url));
      expect(error.reason).toBe('url');
    },
  );

  it('should fail when the source answers an error status', async () => {
    const error = await failureOf(fetcher({ allowPrivate: true }).open(source.url('/missing')));
    expect(error.reason).toBe('status');
    expect(error.message).toBe('The source answered HTTP 404.');
  });

  it('should time out a source that goes silent mid-body', async () => {
    source.route('/slow', (_request, response) => {
      response.writeHead(200, { 'content-length': '100' });
      response.write('the first part, then nothing');
    });
    const fetched = await fetcher({ allowPrivate: true, idleTimeoutMs: 300 }).open(
      source.url('/slow'),
    );
    const error = await failureOf(buffer(fetched.body));
    expect(error.reason).toBe('timeout');
    expect(error.message).toBe('The source sent nothing for 1 second.');
  });

  it('should time out a source that never answers', async () => {
    source.route('/silent', () => undefined);
    const started = Date.now();
    const error = await failureOf(
      fetcher({ allowPrivate: true, idleTimeoutMs: 300 }).open(source.url('/silent')),
    );
    expect(error.reason).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('should stop a source that trickles past the total timeout', async () => {
    source.route('/trickle', (_request, response) => {
      const timer = setInterval(() => response.write('x'), 50);
      response.once('close', () => clearInterval(timer));
    });
    const fetched = await fetcher({ allowPrivate: true, totalTimeoutMs: 600 }).open(
      source.url('/trickle'),
    );
    const error = await failureOf(buffer(fetched.body));
    expect(error.reason).toBe('timeout');
    expect(error.message).toBe('The source did not deliver its file within 1 second.');
  });

  it('should refuse a declared length over the cap before reading the body', async () => {
    source.route('/big', (_request, response) => {
      response.writeHead(200, { 'content-length': '2048' });
      response.write(Buffer.alloc(100));
    });
    const error = await failureOf(fetcher({ allowPrivate: true }).open(source.url('/big')));
    expect(error.reason).toBe('size');
  });

  it('should cut off an undeclared body once it passes the cap', async () => {
    source.route('/endless', (_request, response) => {
      const timer = setInterval(() => response.write(Buffer.alloc(256)), 5);
      response.once('close', () => clearInterval(timer));
    });
    const fetched = await fetcher({ allowPrivate: true }).open(source.url('/endless'));
    expect(fetched.contentLength).toBeUndefined();
    const error = await failureOf(buffer(fetched.body));
    expect(error.reason).toBe('size');
    expect(error.message).toBe("The source's file is larger than the limit of 1024 bytes.");
  });

  it('should fail a body cut short by the source', async () => {
    source.route('/cut', (_request, response) => {
      response.writeHead(200, { 'content-length': '100' });
      response.write('only part of it', () => response.socket?.destroy());
    });
    const fetched = await fetcher({ allowPrivate: true }).open(source.url('/cut'));
    const error = await failureOf(buffer(fetched.body));
    expect(error.reason).toBe('network');
  });

  it('should stop when the caller aborts', async () => {
    source.route('/slow', (_request, response) => {
      response.writeHead(200);
      response.write('some');
    });
    const controller = new AbortController();
    const fetched = await fetcher({ allowPrivate: true }).open(
      source.url('/slow'),
      controller.signal,
    );
    controller.abort();
    const error = await failureOf(buffer(fetched.body));
    expect(error.reason).toBe('aborted');
  });
});

import { jest } from '@jest/globals';
import type { ResolvedConfig } from '../../src/config/app-config.js';
import { ChangeFeed } from '../../src/database/change-feed/change-feed.service.js';
import { InvalidatedCache } from '../../src/database/change-feed/invalidated-cache.js';

/**
 * A real ChangeFeed that never connects, whose liveness the test sets: resets come from its
 * own paths (a dropped connection, a finished local write).
 */
function fakeFeed() {
  const feed = new ChangeFeed({} as ResolvedConfig);
  let live = true;
  jest.spyOn(feed, 'live', 'get').mockImplementation(() => live);
  return {
    feed,
    setLive: (value: boolean) => {
      live = value;
    },
    // What a dropped or restored listening connection does.
    reset: () => (feed as unknown as { reset(): void }).reset(),
    localWrite: () => feed.localWriteFinished(),
  };
}

describe('InvalidatedCache', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('should serve a loaded value until it is invalidated', async () => {
    const { feed } = fakeFeed();
    const cache = new InvalidatedCache<number, string>(feed, { ttlMs: 60_000, maxEntries: 10 });
    let loads = 0;
    const load = () => Promise.resolve(`v${++loads}`);
    expect(await cache.get(1, load)).toBe('v1');
    expect(await cache.get(1, load)).toBe('v1');
    cache.invalidate(1);
    expect(await cache.get(1, load)).toBe('v2');
  });

  it('should not keep a value whose load overlapped an invalidation', async () => {
    const { feed } = fakeFeed();
    const cache = new InvalidatedCache<number, string>(feed, { ttlMs: 60_000, maxEntries: 10 });
    let release!: (value: string) => void;
    const slow = cache.get(1, () => new Promise<string>((resolve) => (release = resolve)));
    // The row changes (and is notified) while the old value is on its way.
    cache.invalidate(1);
    release('stale');
    expect(await slow).toBe('stale'); // The caller that asked still gets what it read...
    expect(await cache.get(1, () => Promise.resolve('fresh'))).toBe('fresh'); // ...no one else.
  });

  it('should neither serve nor keep entries while notifications are down', async () => {
    const harness = fakeFeed();
    const cache = new InvalidatedCache<number, string>(harness.feed, {
      ttlMs: 60_000,
      maxEntries: 10,
    });
    await cache.get(1, () => Promise.resolve('before'));
    harness.setLive(false);
    expect(await cache.get(1, () => Promise.resolve('down'))).toBe('down');
    expect(await cache.get(1, () => Promise.resolve('still down'))).toBe('still down');
    harness.reset();
    harness.setLive(true);
    expect(await cache.get(1, () => Promise.resolve('after'))).toBe('after');
    expect(cache.size).toBe(1);
  });

  it('should empty on a reset and on a local write', async () => {
    const harness = fakeFeed();
    const cache = new InvalidatedCache<number, string>(harness.feed, {
      ttlMs: 60_000,
      maxEntries: 10,
    });
    await cache.get(1, () => Promise.resolve('a'));
    harness.localWrite();
    expect(cache.size).toBe(0);
    await cache.get(1, () => Promise.resolve('a'));
    harness.reset();
    expect(cache.size).toBe(0);
  });

  it('should expire entries after ttlMs', async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const { feed } = fakeFeed();
    const cache = new InvalidatedCache<number, string>(feed, { ttlMs: 1000, maxEntries: 10 });
    await cache.get(1, () => Promise.resolve('old'));
    jest.setSystemTime(1_000_999);
    expect(await cache.get(1, () => Promise.resolve('new'))).toBe('old');
    jest.setSystemTime(1_001_000);
    expect(await cache.get(1, () => Promise.resolve('new'))).toBe('new');
  });

  it('should keep within its count and weight, dropping the oldest first', async () => {
    const { feed } = fakeFeed();
    const cache = new InvalidatedCache<string, string>(feed, {
      ttlMs: 60_000,
      maxEntries: 3,
      maxWeight: 10,
      weigh: (value) => value.length,
    });
    const put = (key: string, value: string) => cache.get(key, () => Promise.resolve(value));
    await put('a', 'xx');
    await put('b', 'xx');
    await put('c', 'xx');
    await put('d', 'xx'); // Fourth entry: 'a' goes.
    expect(await put('a', 'reloaded')).toBe('reloaded'); // Weight 8: 'b' and 'c' go.
    expect(await put('d', 'ignored')).toBe('xx');
    expect(await put('b', 'yy')).toBe('yy');
    expect(await put('huge', 'x'.repeat(11))).toBe('x'.repeat(11)); // Heavier than all: not kept.
    expect(await put('huge', 'other')).toBe('other');
  });

  it('should keep only what `keep` approves, and drop matches of invalidateWhere', async () => {
    const { feed } = fakeFeed();
    const cache = new InvalidatedCache<number, number | undefined>(feed, {
      ttlMs: 60_000,
      maxEntries: 10,
    });
    const defined = (value: number | undefined) => value !== undefined;
    await cache.get(1, () => Promise.resolve(undefined), defined);
    expect(await cache.get(1, () => Promise.resolve(5), defined)).toBe(5);
    await cache.get(2, () => Promise.resolve(6), defined);
    cache.invalidateWhere((value) => value === 5);
    expect(await cache.get(1, () => Promise.resolve(7), defined)).toBe(7);
    expect(await cache.get(2, () => Promise.resolve(8), defined)).toBe(6);
  });
});

import type { ChangeFeed } from './change-feed.service.js';

export interface InvalidatedCacheOptions<V> {
  /** How long an entry may be served at most, notifications or not. */
  readonly ttlMs: number;
  readonly maxEntries: number;
  /** With `weigh`: the most the entries may weigh together (e.g. bytes of text). */
  readonly maxWeight?: number;
  readonly weigh?: (value: V) => number;
}

interface Entry<V> {
  value: V;
  weight: number;
  expires: number;
}

/**
 * A small in-process cache whose entries are dropped when the {@link ChangeFeed} reports their
 * rows changed, and after every write request of this process, with a time limit as a second
 * line of defence. Loads that overlap a change are not kept: `generation` moves on every
 * invalidation, and a value read before the change could otherwise be stored after its
 * notification was handled, and then served for good. Bounded by count and, optionally, weight;
 * the oldest entries go first.
 */
export class InvalidatedCache<K, V> {
  private readonly entries = new Map<K, Entry<V>>();
  private generation = 0;
  private weight = 0;

  constructor(
    private readonly feed: ChangeFeed,
    private readonly options: InvalidatedCacheOptions<V>,
  ) {
    feed.onReset(() => this.clear());
  }

  /** The cached value, or `load()`'s; kept only when `keep` (if given) approves it. */
  async get(key: K, load: () => Promise<V>, keep?: (value: V) => boolean): Promise<V> {
    const hit = this.entries.get(key);
    if (hit !== undefined && this.feed.live && hit.expires > Date.now()) {
      return hit.value;
    }
    const generation = this.generation;
    const value = await load();
    if (this.feed.live && generation === this.generation && (keep?.(value) ?? true)) {
      this.store(key, value);
    }
    return value;
  }

  invalidate(key: K): void {
    this.generation += 1;
    this.remove(key);
  }

  /** Drops every entry whose value matches (a scan: for rare, wide changes). */
  invalidateWhere(matches: (value: V) => boolean): void {
    this.generation += 1;
    for (const [key, entry] of this.entries) {
      if (matches(entry.value)) {
        this.remove(key);
      }
    }
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
    this.weight = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  private store(key: K, value: V): void {
    const { maxEntries, maxWeight = Number.POSITIVE_INFINITY, weigh, ttlMs } = this.options;
    const weight = weigh?.(value) ?? 0;
    if (weight > maxWeight) {
      return; // Would push out everything else.
    }
    this.remove(key); // Re-inserted at the end: Maps iterate in insertion order, oldest first.
    while (this.entries.size >= maxEntries || this.weight + weight > maxWeight) {
      this.remove(this.entries.keys().next().value as K);
    }
    this.entries.set(key, { value, weight, expires: Date.now() + ttlMs });
    this.weight += weight;
  }

  private remove(key: K): void {
    const entry = this.entries.get(key);
    if (entry !== undefined) {
      this.entries.delete(key);
      this.weight -= entry.weight;
    }
  }
}

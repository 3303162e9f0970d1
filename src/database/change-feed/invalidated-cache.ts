import type { ChangeFeed } from './change-feed.service.js';

interface Entry<V> {
  value: V;
  expires: number;
}

/**
 * A small in-process cache whose entries are dropped when the {@link ChangeFeed} reports their
 * rows changed, with a time limit as a second line of defence. Loads that overlap a change are
 * not kept: `generation` moves on every invalidation, and a value read before the change could
 * otherwise be stored after its notification was handled, and then served for good.
 */
export class InvalidatedCache<K, V> {
  private readonly entries = new Map<K, Entry<V>>();
  private generation = 0;

  constructor(
    private readonly feed: ChangeFeed,
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {
    feed.onReset(() => this.clear());
    feed.onLocalWrite(() => this.clear());
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
      if (this.entries.size >= this.maxEntries) {
        // Maps iterate in insertion order: drop the oldest entry.
        this.entries.delete(this.entries.keys().next().value as K);
      }
      this.entries.set(key, { value, expires: Date.now() + this.ttlMs });
    }
    return value;
  }

  invalidate(key: K): void {
    this.generation += 1;
    this.entries.delete(key);
  }

  /** Drops every entry whose value matches (a scan: for rare, wide changes). */
  invalidateWhere(matches: (value: V) => boolean): void {
    this.generation += 1;
    for (const [key, entry] of this.entries) {
      if (matches(entry.value)) {
        this.entries.delete(key);
      }
    }
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }
}

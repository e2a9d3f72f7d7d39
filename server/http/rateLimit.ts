/**
 * A token bucket per key (client address), in this process. Behind a load balancer each
 * instance keeps its own buckets; that only makes the limit per instance, which is enough to
 * stop one client hammering the public lookup.
 */
export interface RateLimitOptions {
  /** Requests allowed in a burst, and per `perMs` on average. */
  capacity: number;
  perMs: number;
  now?: () => number;
  /** Above this many tracked keys, idle (full) buckets are dropped. */
  maxKeys?: number;
}

interface Bucket {
  tokens: number;
  updated: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly refillPerMs: number;
  private readonly now: () => number;
  private readonly maxKeys: number;

  constructor(private readonly options: RateLimitOptions) {
    this.refillPerMs = options.capacity / options.perMs;
    this.now = options.now ?? Date.now;
    this.maxKeys = options.maxKeys ?? 10_000;
  }

  /** Take one token. When none is left, how many seconds until one is. */
  take(key: string): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const now = this.now();
    const bucket = this.refill(this.buckets.get(key), now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      this.buckets.set(key, bucket);
      if (this.buckets.size > this.maxKeys) this.sweep(now);
      return { ok: true };
    }
    this.buckets.set(key, bucket);
    return {
      ok: false,
      retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.refillPerMs / 1000)),
    };
  }

  get size(): number {
    return this.buckets.size;
  }

  private refill(bucket: Bucket | undefined, now: number): Bucket {
    if (!bucket) return { tokens: this.options.capacity, updated: now };
    const tokens = Math.min(
      this.options.capacity,
      bucket.tokens + (now - bucket.updated) * this.refillPerMs,
    );
    return { tokens, updated: now };
  }

  private sweep(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (this.refill(bucket, now).tokens >= this.options.capacity) this.buckets.delete(key);
    }
  }
}

/**
 * A token bucket per connection: `burst` messages at once, then `perSecond` a second. A
 * person editing and moving their pointer sends a few dozen a second; a connection that
 * floods is cut off.
 * @example const limiter = createRateLimiter(200, 600); if (!limiter.take(socketId)) close()
 */
export function createRateLimiter(perSecond: number, burst: number, now = () => Date.now()) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key: string): boolean {
      const t = now();
      const bucket = buckets.get(key) ?? { tokens: burst, at: t };
      bucket.tokens = Math.min(burst, bucket.tokens + ((t - bucket.at) / 1000) * perSecond);
      bucket.at = t;
      buckets.set(key, bucket);
      if (bucket.tokens < 1) return false;
      bucket.tokens -= 1;
      return true;
    },
    forget(key: string) {
      buckets.delete(key);
    },
  };
}

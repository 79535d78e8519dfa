/** Caches a pure string → value function; the hot path calls the same few principals and user agents millions of times. */
export const memoize = <T>(fn: (s: string) => T, max = 20_000): ((s: string) => T) => {
  const cache = new Map<string, T>();
  return (s: string) => {
    const hit = cache.get(s);
    if (hit !== undefined || cache.has(s)) return hit as T;
    if (cache.size >= max) cache.clear();
    const v = fn(s);
    cache.set(s, v);
    return v;
  };
};

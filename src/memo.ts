/**
 * A pure function of one string, remembered for the strings a run meets again and again (the same
 * URL printed by hundreds of letters). Bounded: when full, the memory starts afresh.
 */
export function memoByString<T>(fn: (s: string) => T, max = 10_000): (s: string) => T {
  const seen = new Map<string, T>();
  return (s) => {
    let value = seen.get(s);
    if (value === undefined && !seen.has(s)) {
      if (seen.size >= max) seen.clear();
      value = fn(s);
      seen.set(s, value);
    }
    return value as T;
  };
}

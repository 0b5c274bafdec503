export function uniq<T>(xs: Iterable<T>): T[] {
  return [...new Set(xs)];
}

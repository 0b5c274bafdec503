import picomatch from 'picomatch';

const matchers = new WeakMap<{ files: string | string[] }, (path: string) => boolean>();

/**
 * Whether a path matches an entry's `files` globs (an `overrides` or `manifest` entry), compiled
 * once per entry: a glob matches the path relative to the config, and one without a slash also the
 * file name.
 */
export function filesMatcher(entry: { files: string | string[] }): (path: string) => boolean {
  let match = matchers.get(entry);
  if (!match) {
    const full = picomatch(entry.files, { dot: true });
    const base = picomatch(entry.files, { dot: true, basename: true });
    match = (path) => full(path) || base(path);
    matchers.set(entry, match);
  }
  return match;
}

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let version: string | undefined;

/** brieflint's version from its package.json (found upwards from this file: src/ and dist/ alike). */
export function brieflintVersion(): string {
  if (version) return version;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'brieflint' && pkg.version) return (version = pkg.version);
    } catch {
      // not here; go up
    }
    dir = dirname(dir);
  }
  return (version = '0.0.0');
}

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root (the folder with brieflint's package.json), from src/ or dist/src/ alike. */
export const PACKAGE_ROOT: string = (() => {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'brieflint') return dir;
    if (dirname(dir) === dir) throw new Error('brieflint: cannot find its own package.json');
  }
})();

export const VERSION: string = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')).version;

/** rules/<id>.md (English), rules/<id>.nl.md (Dutch). */
export function ruleDocPath(id: string, lang: 'nl' | 'en' = 'en'): string {
  return join(PACKAGE_ROOT, 'rules', lang === 'nl' ? `${id}.nl.md` : `${id}.md`);
}

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

const MANIFEST = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string; repository?: string | { url?: string } };

export const VERSION: string = MANIFEST.version;

/**
 * The web address of the repository brieflint is installed from (package.json `repository`,
 * `https://github.com/OWNER/brieflint` in this repository: a fork sets its own there). Rule
 * help links (SARIF `helpUri`), SARIF `informationUri`, the User-Agent and the workflows
 * `brieflint init` writes point at it. brieflint is not on the npm registry.
 */
export const REPOSITORY_URL: string = repositoryUrl(MANIFEST.repository);

function repositoryUrl(repository: string | { url?: string } | undefined): string {
  const raw = (typeof repository === 'string' ? repository : repository?.url) ?? 'https://github.com/OWNER/brieflint';
  const github = /^(?:github:)?([\w.-]+\/[\w.-]+)$/.exec(raw);
  if (github) return `https://github.com/${github[1].replace(/\.git$/, '')}`;
  return raw.replace(/^git\+/, '').replace(/^git:\/\//, 'https://').replace(/\.git$/, '').replace(/\/+$/, '');
}

/** rules/<id>.md (English), rules/<id>.nl.md (Dutch). */
export function ruleDocPath(id: string, lang: 'nl' | 'en' = 'en'): string {
  return join(PACKAGE_ROOT, 'rules', lang === 'nl' ? `${id}.nl.md` : `${id}.md`);
}

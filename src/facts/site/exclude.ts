/**
 * URL patterns that are not fetched: `site.exclude` in the config and `.brieflintignore` next to
 * it (one regular expression per line, `#` comments), as lychee's `--exclude` and `.lycheeignore`.
 * Pure and without undici: the config is read under --offline too.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const IGNORE_FILE = '.brieflintignore';

/** One pattern, and where it was written. */
export interface ExcludeRule {
  /** A JavaScript regular expression (source), searched for in the URL. */
  pattern: string;
  by: 'site.exclude' | typeof IGNORE_FILE;
  /** The line in .brieflintignore. */
  line?: number;
}

/** The patterns of `site.exclude` and of `.brieflintignore` in `root`. Throws an Error naming a bad pattern's place. */
export function excludeRules(section: Record<string, unknown> | undefined, root: string): ExcludeRule[] {
  const rules: ExcludeRule[] = [];
  const given = section?.exclude;
  if (Array.isArray(given)) {
    given.forEach((pattern, i) => {
      if (typeof pattern !== 'string' || pattern === '') throw new Error(`site.exclude[${i}]: expected a regular expression, got ${JSON.stringify(pattern)}`);
      checkPattern(pattern, `site.exclude[${i}]`);
      rules.push({ pattern, by: 'site.exclude' });
    });
  }
  const file = join(root, IGNORE_FILE);
  if (existsSync(file)) {
    readFileSync(file, 'utf8')
      .split(/\r?\n/)
      .forEach((raw, i) => {
        const pattern = raw.trim();
        if (pattern === '' || pattern.startsWith('#')) return;
        checkPattern(pattern, `${IGNORE_FILE}:${i + 1}`);
        rules.push({ pattern, by: IGNORE_FILE, line: i + 1 });
      });
  }
  return rules;
}

function checkPattern(pattern: string, where: string): void {
  try {
    new RegExp(pattern);
  } catch (error) {
    throw new Error(`${where}: not a valid regular expression: ${(error as Error).message}`);
  }
}

/** A matcher: the first rule whose pattern is found in the URL, or undefined. */
export function compileExclude(rules: ExcludeRule[] | undefined): (url: string) => ExcludeRule | undefined {
  const compiled = (rules ?? []).map((rule) => ({ rule, re: new RegExp(rule.pattern) }));
  if (compiled.length === 0) return () => undefined;
  return (url) => compiled.find(({ re }) => re.test(url))?.rule;
}

/**
 * Config `overrides`: rule settings per path, as ESLint's `files` blocks. Applied per letter in
 * order (later entries win), over the top-level `rules`.
 */
import { relative, sep } from 'node:path';
import { filesMatcher } from '../globs.js';
import type { ConfigOverride, ResolvedConfig, RuleSetting } from './types.js';


/** The path of a file relative to the config's folder, with forward slashes. */
export function configRelative(config: Pick<ResolvedConfig, 'root'>, absolute: string): string {
  return relative(config.root, absolute).split(sep).join('/');
}

/** The overrides whose globs match this file, in order. */
export function matchingOverrides(config: Pick<ResolvedConfig, 'root' | 'overrides'>, absolute: string): ConfigOverride[] {
  if (!config.overrides?.length) return [];
  const rel = configRelative(config, absolute);
  return config.overrides.filter((o) => filesMatcher(o)(rel));
}

/** The config that applies to one file: its rules with every matching override applied. */
export function configFor(config: ResolvedConfig, absolute: string): ResolvedConfig {
  const matching = matchingOverrides(config, absolute);
  if (matching.length === 0) return config;
  const rules: Record<string, RuleSetting> = { ...config.rules };
  for (const o of matching) {
    for (const [id, given] of Object.entries(o.rules)) {
      const before = rules[id];
      rules[id] = { severity: given.severity, options: given.options ?? before?.options ?? {} };
    }
  }
  return { ...config, rules };
}

/** Whether a rule is on for some letter: in `rules` or in any override. */
export function enabledAnywhere(config: Pick<ResolvedConfig, 'rules' | 'overrides'>, id: string): boolean {
  if (config.rules[id]?.severity !== 'off') return true;
  return (config.overrides ?? []).some((o) => o.rules[id] !== undefined && o.rules[id].severity !== 'off');
}

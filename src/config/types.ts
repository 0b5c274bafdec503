import type { Lang, LetterMeta, SeveritySetting } from '../types.js';

export interface RuleSetting {
  severity: SeveritySetting;
  options: Record<string, unknown>;
}

/**
 * An `overrides` entry: rule settings for the letters its `files` globs (relative to the config)
 * match. A rule given as a severity alone has no `options` here: it keeps the options set before.
 */
export interface ConfigOverride {
  files: string[];
  rules: Record<string, { severity: SeveritySetting; options?: Record<string, unknown> }>;
}

/** A manifest entry: metadata for letters whose path matches `files` (a glob, relative to the config). */
export interface ManifestEntry extends Partial<LetterMeta> {
  files: string;
}

export interface ResolvedConfig {
  /** The config file used, if any. */
  file?: string;
  /** Directory paths in the config are relative to (the config's folder, or cwd). */
  root: string;
  /** The gemeente's own domains, e.g. ["voorbeeldstad.example"] (subdomains included). */
  domains: string[];
  /** Government domains a letter may print besides its own (defaults plus config `allowedDomains`). */
  allowedDomains: string[];
  rules: Record<string, RuleSetting>;
  /** Rule settings per path (config `overrides`); `configFor` (src/config/overrides.ts) applies them to one letter. */
  overrides: ConfigOverride[];
  ignore: string[];
  manifest: ManifestEntry[];
  lang?: Lang;
  /**
   * The top-level `ca` entries as given (PEM files relative to `root`, or PEM text): trusted for
   * every outside call, next to `site.ca` and `kcc.ca`. Read by the network checks, not here.
   */
  ca?: string[];
  /** Raw sections owned by the facts modules (validated by their own schema fragments). */
  site: Record<string, unknown>;
  kcc: Record<string, unknown>;
  forms: Record<string, unknown>;
}

/** `brieflint rules`: every rule, its default severity, what it needs, its one-line description. */
import type { Lang } from '../types.js';
import type { Rule } from '../rule.js';
import { allRules } from '../../rules/index.js';
import { loadConfig } from '../config/index.js';
import { configSections } from '../config/sections.js';
import { EXIT, guarded, type Io } from './io.js';

export interface RulesFlags {
  config?: string;
  format: 'stylish' | 'json';
  lang?: Lang;
}

/** The facts whose gathering goes over the network whatever the config says (skipped by --offline). */
const NETWORK_FACTS = new Set(['site', 'forms']);

/** One rule as `brieflint rules --format json` lists it (a contract: fields are added, never renamed). */
export interface RuleListing {
  id: string;
  defaultSeverity: 'off' | 'warn' | 'error';
  /** Facts the rule needs: `site` (the live-site check), `forms`, `kcc` (the knowledge base). */
  needs: string[];
  /** Whether it needs the network (skipped by --offline); `kcc` rules need it only with an HTTP adapter. */
  network: boolean;
  description: string;
  /** The rule's documentation in the package (`brieflint explain <id>` prints it). */
  docs: string;
}

export function ruleListing(rules: Rule[], lang: Lang): RuleListing[] {
  return rules.map((r) => {
    const needs = [...(r.meta.needs ?? [])];
    return {
      id: r.meta.id,
      defaultSeverity: r.meta.defaultSeverity,
      needs,
      network: needs.some((n) => NETWORK_FACTS.has(n)),
      description: r.meta.description[lang],
      docs: `rules/${r.meta.id}.md`,
    };
  });
}

const T = {
  nl: {
    head: ['regel', 'standaard', 'nodig', 'omschrijving'],
    severity: { error: 'fout', warn: 'waarschuwing', off: 'uit' },
    network: 'netwerk',
    foot: 'Uitleg en voorbeelden per regel: brieflint explain <regel>. Met "netwerk": overgeslagen met --offline; kcc: de KCC-kennisbank.',
  },
  en: {
    head: ['rule', 'default', 'needs', 'description'],
    severity: { error: 'error', warn: 'warning', off: 'off' },
    network: 'network',
    foot: 'Documentation and examples per rule: brieflint explain <rule>. With "network": skipped by --offline; kcc: the KCC knowledge base.',
  },
} as const;

export async function listRules(flags: RulesFlags, io: Io): Promise<number> {
  return guarded(io, flags.lang ?? 'nl', async () => {
    const lang: Lang = flags.lang ?? (await loadConfig(io.cwd, allRules, configSections, flags.config)).lang ?? 'nl';
    const listing = ruleListing(allRules, lang);
    if (flags.format === 'json') {
      io.stdout(`${JSON.stringify({ rules: listing }, null, 2)}\n`);
      return EXIT.clean;
    }
    const t = T[lang];
    const rows = listing.map((r) => [
      r.id,
      t.severity[r.defaultSeverity],
      r.needs.length ? `${r.needs.join(', ')}${r.network ? ` (${t.network})` : ''}` : '—',
      r.description,
    ]);
    const widths = [0, 1, 2].map((i) => Math.max(t.head[i].length, ...rows.map((row) => row[i].length)));
    const line = (cells: readonly string[]) => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]) : c)).join('  ');
    io.stdout(`${[line(t.head), ...rows.map(line), '', t.foot].join('\n')}\n`);
    return EXIT.clean;
  });
}

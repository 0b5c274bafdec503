/**
 * What a run could not check, said in the summary instead of hidden:
 *
 * - `no-domains`: without `domains` in the config, the checks about the gemeente's own domain are
 *   off (pretty-url's own-domain check, typed variants, redirects off the own domain);
 * - `dns`: every host the letters name failed DNS — no network, or a proxy is needed — so the
 *   "domeinnaam bestaat niet" findings say nothing about the letters: one line suggests
 *   HTTPS_PROXY or --offline.
 */
import { basename } from 'node:path';
import type { Message } from '../types.js';
import type { ResolvedConfig } from '../config/types.js';
import type { CheckRun } from '../check.js';
import { hostnameOf, onDomain } from '../model/url.js';

export interface RunNote {
  id: 'no-domains' | 'dns';
  message: Message;
}

/** Checks that need `domains`, by rule, as the note names them. */
const OWN_DOMAIN_CHECKS: Array<{ rule: string; nl: string; en: string }> = [
  { rule: 'pretty-url', nl: 'of een adres op het eigen domein staat (pretty-url)', en: 'whether an address is on the own domain (pretty-url)' },
  { rule: 'typed-url-variant', nl: 'overgetypte varianten met en zonder www. en http:// (typed-url-variant)', en: 'typed variants with and without www. and http:// (typed-url-variant)' },
  { rule: 'offsite-redirect', nl: 'doorverwijzingen naar een ander domein (offsite-redirect)', en: 'redirects to another domain (offsite-redirect)' },
];

const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'];

function list(items: string[], and: string): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

export function runNotes(run: CheckRun, config: ResolvedConfig, env: NodeJS.ProcessEnv): RunNote[] {
  const notes: RunNote[] = [];
  const checked = run.files.some((f) => f.letter);
  if (checked && config.domains.length === 0) {
    const off = OWN_DOMAIN_CHECKS.filter((c) => config.rules[c.rule] && config.rules[c.rule].severity !== 'off');
    if (off.length) {
      const file = config.file ? basename(config.file) : 'brieflint.config.json';
      notes.push({
        id: 'no-domains',
        message: {
          nl: `Geen domains in de configuratie, dus niet gecontroleerd: ${list(off.map((c) => c.nl), 'en')}. Zet het eigen domein in ${file}, bijv. "domains": ["lindendal.nl"].`,
          en: `No domains in the config, so not checked: ${list(off.map((c) => c.en), 'and')}. Put the own domain in ${file}, e.g. "domains": ["lindendal.nl"].`,
        },
      });
    }
  }
  const results = Object.values(run.facts.site?.urls ?? {});
  const hosts = new Set<string>();
  for (const r of results) {
    const host = hostnameOf(r.url);
    if (host !== undefined) hosts.add(host); // else not a URL that was fetched
  }
  const allDns = results.length > 0 && results.every((r) => r.kind === 'unreachable' && r.error === 'dns');
  // One unknown host may be a typo in a letter; two, or the gemeente's own domain, are the network.
  const own = [...hosts].some((h) => onDomain(h, config.domains));
  if (allDns && (hosts.size >= 2 || own)) {
    const proxy = PROXY_VARIABLES.find((v) => env[v]);
    const n = hosts.size;
    notes.push({
      id: 'dns',
      message: proxy
        ? {
            nl: `Geen enkele domeinnaam gevonden (DNS), ook niet via de proxy (${proxy}), voor ${n === 1 ? 'de host' : `alle ${n} hosts`} in de brieven: controleer de proxy, of controleer zonder netwerk met --offline.`,
            en: `No domain name could be found (DNS), not even through the proxy (${proxy}), for ${n === 1 ? 'the host' : `all ${n} hosts`} in the letters: check the proxy, or check without the network with --offline.`,
          }
        : {
            nl: `Geen enkele domeinnaam gevonden (DNS) voor ${n === 1 ? 'de host' : `alle ${n} hosts`} in de brieven: is er geen netwerk, of is er een proxy nodig? Zet dan HTTPS_PROXY (bijv. HTTPS_PROXY=http://proxy.gemeente.nl:8080), of controleer zonder netwerk met --offline.`,
            en: `No domain name could be found (DNS) for ${n === 1 ? 'the host' : `all ${n} hosts`} in the letters: is there no network, or is a proxy needed? Then set HTTPS_PROXY (e.g. HTTPS_PROXY=http://proxy.example.nl:8080), or check without the network with --offline.`,
          },
    });
  }
  return notes;
}

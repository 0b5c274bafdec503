import { describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.js';
import { cli, project } from './run.js';

interface RulesJson {
  rules: Array<{ id: string; defaultSeverity: string; needs: string[]; network: boolean; description: string; docs: string }>;
}

describe('brieflint rules', () => {
  it('--format json lists every rule with its default severity, what it needs and its description', async () => {
    const dir = project({});
    const { code, stdout, stderr } = await cli(['rules', '--format', 'json', '--lang', 'en'], dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as RulesJson;
    expect(json.rules.map((r) => r.id)).toEqual(allRules.map((r) => r.meta.id));
    const byId = Object.fromEntries(json.rules.map((r) => [r.id, r]));
    expect(byId['pretty-url']).toEqual({
      id: 'pretty-url',
      defaultSeverity: 'error',
      needs: [],
      network: false,
      description: 'A printed web address must be short, on an own domain and easy to type.',
      docs: 'rules/pretty-url.md',
    });
    expect(byId['dead-url']).toMatchObject({ needs: ['site'], network: true });
    expect(byId['form-unavailable']).toMatchObject({ needs: ['site', 'forms'], network: true });
    expect(byId['kcc-briefing-missing']).toMatchObject({ needs: ['kcc'], network: false });
    expect(byId['offsite-redirect'].defaultSeverity).toBe('warn');
    const nl = JSON.parse((await cli(['rules', '--format', 'json'], dir)).stdout) as RulesJson;
    expect(nl.rules[0].description).toBe('Een gedrukt webadres moet kort, op een eigen domein en makkelijk over te typen zijn.');
  });

  it('prints a table for people, in Dutch by default (or the config lang) and English with --lang en', async () => {
    const dir = project({});
    const nl = await cli(['rules'], dir);
    expect(nl.code).toBe(0);
    const lines = nl.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^regel +standaard +nodig +omschrijving$/);
    expect(lines).toHaveLength(allRules.length + 1 + 2);
    expect(nl.stdout).toMatch(/^pretty-url +fout +— +Een gedrukt webadres moet kort/m);
    expect(nl.stdout).toMatch(/^dead-url +fout +site \(netwerk\) +/m);
    expect(nl.stdout).toMatch(/^offsite-redirect +waarschuwing +site \(netwerk\) +/m);
    expect(nl.stdout).toMatch(/^kcc-briefing-missing +fout +kcc +/m);
    expect(nl.stdout).toContain('brieflint explain <regel>');
    const en = await cli(['rules', '--lang', 'en'], dir);
    expect(en.stdout).toMatch(/^rule +default +needs +description$/m);
    expect(en.stdout).toMatch(/^form-unavailable +error +site, forms \(network\) +The form/m);
    const configured = project({ 'brieflint.config.json': '{ "lang": "en" }' });
    expect((await cli(['rules'], configured)).stdout).toMatch(/^rule +default/);
  });
});

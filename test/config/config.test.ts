import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, findConfigFile, DEFAULT_ALLOWED_DOMAINS } from '../../src/config/index.js';
import { configSections } from '../../src/config/sections.js';
import { allRules } from '../../rules/index.js';
import { project } from '../cli/run.js';

const load = (cwd: string, explicit?: string) => loadConfig(cwd, allRules, configSections, explicit);

describe('config', () => {
  it('uses defaults without a config file', async () => {
    const dir = project({});
    const cfg = await load(dir);
    expect(cfg.file).toBeUndefined();
    expect(cfg.domains).toEqual([]);
    expect(cfg.allowedDomains).toEqual(DEFAULT_ALLOWED_DOMAINS);
    expect(cfg.rules['pretty-url']).toEqual({ severity: 'error', options: { maxLength: 40, maxSegments: 2, requireSchemeless: false, shorteners: [] } });
  });

  it('finds the nearest config upward and reads YAML with ESLint-style rule settings', async () => {
    const dir = project({
      'brieflint.config.yaml': 'domains: [voorbeeldstad.example]\nallowedDomains: [zorgkantoor.example]\nrules:\n  pretty-url: [warn, { maxLength: 40 }]\n  missing-url: "off"\n',
      'brieven/sub/.keep': '',
    });
    expect(findConfigFile(join(dir, 'brieven/sub'))).toBe(join(dir, 'brieflint.config.yaml'));
    const cfg = await load(join(dir, 'brieven/sub'));
    expect(cfg.root).toBe(dir);
    expect(cfg.domains).toEqual(['voorbeeldstad.example']);
    expect(cfg.allowedDomains).toContain('zorgkantoor.example');
    expect(cfg.rules['pretty-url']).toEqual({ severity: 'warn', options: { maxLength: 40, maxSegments: 2, requireSchemeless: false, shorteners: [] } });
    expect(cfg.rules['missing-url'].severity).toBe('off');
  });

  it.each([
    ['{"domain": ["x.nl"]}', 'onbekende sleutel "domain"; bedoelt u "domains"?', 'unknown key "domain"; did you mean "domains"?'],
    [
      '{"rules": {"pretty-urls": "error"}}',
      'onbekende regel "pretty-urls" (sleutel "rules.pretty-urls"); bedoelt u "pretty-url"?',
      'unknown rule "pretty-urls" (key "rules.pretty-urls"); did you mean "pretty-url"?',
    ],
    [
      '{"rules": {"pretty-url": ["error", {"maxLength": "35"}]}}',
      'rules.pretty-url[1].maxLength: een geheel getal (u schreef "35")',
      'rules.pretty-url[1].maxLength: a whole number (you wrote "35")',
    ],
    [
      '{"rules": {"pretty-url": ["error", {"maxLenght": 35}]}}',
      'onbekende optie "maxLenght" van regel pretty-url (sleutel "rules.pretty-url[1].maxLenght"); bedoelt u "maxLength"?',
      'unknown option "maxLenght" of rule pretty-url (key "rules.pretty-url[1].maxLenght"); did you mean "maxLength"?',
    ],
    [
      '{"rules": {"pretty-url": "eror"}}',
      'rules.pretty-url: een ernst, "off", "warn" of "error", of [ernst, { opties }], bijv. "warn" (u schreef "eror"); bedoelt u "error"?',
      'rules.pretty-url: a severity, "off", "warn" or "error", or [severity, { options }], e.g. "warn" (you wrote "eror"); did you mean "error"?',
    ],
    [
      '{"domains": ["https://www.lindendal.nl/"]}',
      'domains: alleen de domeinnaam, zonder https:// en /, bijv. "lindendal.nl" (u schreef "https://www.lindendal.nl/")',
      'domains: only the domain name, without https:// and /, e.g. "lindendal.nl" (you wrote "https://www.lindendal.nl/")',
    ],
    ['{"domains": "x.nl"}', 'domains: een lijst van domeinnamen, bijv. ["x.nl"] (u schreef "x.nl")', 'domains: a list of domain names, e.g. ["x.nl"] (you wrote "x.nl")'],
    ['{"lang": "de"}', 'lang: kies "nl" of "en" (u schreef "de")', 'lang: one of "nl" or "en" (you wrote "de")'],
    [
      '{"site": {"timout": 3000}}',
      'onbekende sleutel "site.timout"; bedoelt u "site.timeout"?',
      'unknown key "site.timout"; did you mean "site.timeout"?',
    ],
    [
      '{"site": {"cacheTtl": "12 uur"}}',
      'site.cacheTtl: seconden, of een duur als "30m", "12h" of "7d", bijv. "12h" (u schreef "12 uur")',
      'site.cacheTtl: seconds, or a duration such as "30m", "12h" or "7d", e.g. "12h" (you wrote "12 uur")',
    ],
    [
      '{"manifest": [{"id": "a", "mailingDate": "01-03-2027"}]}',
      '\n  "manifest[0].files" ontbreekt: een glob van brieven, bijv. "brieven/afvalpas-*.docx"\n  manifest[0].mailingDate: een datum als JJJJ-MM-DD, bijv. "2027-03-01" (u schreef "01-03-2027")',
      '\n  "manifest[0].files" is missing: a glob of letters, e.g. "brieven/afvalpas-*.docx"\n  manifest[0].mailingDate: a date as YYYY-MM-DD, e.g. "2027-03-01" (you wrote "01-03-2027")',
    ],
    ['{"kcc": {"adapter": "kiss"}}', '"kcc.url" ontbreekt: de gekozen kcc.adapter heeft die nodig', '"kcc.url" is missing: the chosen kcc.adapter needs it'],
  ])('rejects %s in plain words, with the bad value, an example and a suggestion', async (text, nl, en) => {
    const dir = project({ 'brieflint.config.json': text });
    const error = await load(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    const file = join(dir, 'brieflint.config.json');
    expect((error as ConfigError).reason).toEqual({ nl: `${file}:${nl.startsWith('\n') ? '' : ' '}${nl}`, en: `${file}:${en.startsWith('\n') ? '' : ' '}${en}` });
  });

  it('reports a JSON syntax error with its line and column and the line itself, not the parser\'s words', async () => {
    const dir = project({ 'brieflint.config.json': '{\n  "domains": ["lindendal.nl"],\n}\n' });
    const file = join(dir, 'brieflint.config.json');
    const trailing = (await load(dir).catch((e: unknown) => e)) as ConfigError;
    expect(trailing.reason).toEqual({
      nl: `${file}, regel 2, kolom 30: geen geldige JSON: een komma te veel vóór “}”: na het laatste item hoort geen komma\n    "domains": ["lindendal.nl"],\n                               ^`,
      en: `${file}, line 2, column 30: not valid JSON: a comma too many before “}”: no comma after the last item\n    "domains": ["lindendal.nl"],\n                               ^`,
    });
    writeFileSync(file, '{ "domains": ["a.nl" "b.nl"] }');
    expect(((await load(dir).catch((e: unknown) => e)) as ConfigError).reason.nl).toBe(
      `${file}, regel 1, kolom 22: geen geldige JSON: hier ontbreekt een komma tussen twee items\n  { "domains": ["a.nl" "b.nl"] }\n                       ^`,
    );
    writeFileSync(file, '{\n  // onze domeinen\n  "domains": []\n}');
    expect(((await load(dir).catch((e: unknown) => e)) as ConfigError).reason.nl).toContain(
      'regel 2, kolom 3: geen geldige JSON: JSON kent geen commentaar (// of /* */); wie commentaar wil, gebruikt brieflint.config.yaml',
    );
    writeFileSync(file, "{ 'domains': [] }");
    expect(((await load(dir).catch((e: unknown) => e)) as ConfigError).reason.en).toContain('line 1, column 3: not valid JSON: text and keys go in double quotes');
    writeFileSync(file, '');
    expect(((await load(dir).catch((e: unknown) => e)) as ConfigError).reason.nl).toBe(`${file}: het bestand is leeg; zet er ten minste {} in`);
    // A byte order mark (Notepad) is no error.
    writeFileSync(file, '\uFEFF{ "domains": ["lindendal.nl"] }');
    expect((await load(dir)).domains).toEqual(['lindendal.nl']);
  });

  it('reports a YAML syntax error with its line and column, and a missing --config file', async () => {
    const dir = project({ 'brieflint.config.yml': 'site:\n  timeout: 3000\n  timeout: 4000\n' });
    const file = join(dir, 'brieflint.config.yml');
    expect(((await load(dir).catch((e: unknown) => e)) as ConfigError).reason).toEqual({
      nl: `${file}, regel 3, kolom 3: geen geldige YAML: deze sleutel staat er twee keer\n    timeout: 4000\n    ^`,
      en: `${file}, line 3, column 3: not valid YAML: this key appears twice\n    timeout: 4000\n    ^`,
    });
    await expect(load(dir, 'elders.json')).rejects.toThrow(/elders\.json: config file not found/);
  });
});

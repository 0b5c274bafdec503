import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readMarkdown } from '../../src/letters/markdown.js';
import { extractReferences } from '../../src/extract/index.js';
import { loadKcc } from '../../src/facts/kcc/index.js';
import { resolveConfig } from '../../src/config/index.js';
import { runRules } from '../../src/engine.js';
import missing from '../../rules/kcc-briefing-missing.js';
import outdated from '../../rules/kcc-briefing-outdated.js';
import mismatch from '../../rules/kcc-briefing-mismatch.js';
import type { Letter, References } from '../../src/types.js';
import type { Rule } from '../../src/rule.js';

/** The KCC demo: fixtures/demo/kcc/ against the demo letters — all three outcomes. */
const demo = fileURLToPath(new URL('../../fixtures/demo/', import.meta.url));
const rules = [missing, outdated, mismatch] as Rule[];
const at = (line: number, column = 1) => ({ line, column, part: 'body' as const });

function markdown(name: string): { letter: Letter; refs: References } {
  const letter = readMarkdown(`brieven/${name}`, readFileSync(`${demo}brieven/${name}`));
  return { letter, refs: extractReferences(letter) };
}

/** afvalpas-2027.docx as the docx reader and the config manifest give it (built here so this test does not depend on the docx reader). */
function afvalpas(): { letter: Letter; refs: References } {
  const aspx = 'https://www.voorbeeldstad.example/Content/Afval/Afvalpas_Aanvragen.aspx?id=4711';
  return {
    letter: {
      path: 'brieven/afvalpas-2027.docx',
      format: 'docx',
      meta: { id: 'afvalpas-2027', kenmerk: 'AFV/2027/0007', title: 'Uw nieuwe afvalpas', mailingDate: '2027-01-15', recipients: 5400, owner: 'Team Afval' },
      blocks: [],
      links: [],
      directives: [],
    },
    refs: {
      urls: [
        { printed: aspx, href: aspx, location: at(3, 26), linked: false, visible: true },
        { printed: 'voorbeeldstad.example/containers', href: 'https://voorbeeldstad.example/containers', location: at(4, 42), linked: false, visible: true },
      ],
      forms: [{ kind: 'online-application', text: 'Vraag uw nieuwe pas aan op', location: at(3, 1) }],
      phones: [{ printed: '14 0123', normalized: '140123', location: at(5, 23) }],
      emails: [],
      logins: [],
      placeholders: [],
    },
  };
}

describe('demo briefings (fixtures/demo/kcc)', () => {
  it('one letter passes, one briefing expired, one letter has none, one briefing names another URL', async () => {
    const files = [
      markdown('kwijtschelding-2027.md'),
      afvalpas(),
      markdown('parkeervergunning-2027.md'),
      markdown('subsidie-zonnepanelen-2027.md'),
    ];
    const kcc = await loadKcc({}, demo, files.map((f) => f.letter), { cwd: demo });
    const config = resolveConfig({}, demo, rules);
    const outcome = Object.fromEntries(
      files.map(({ letter, refs }) => [letter.meta.id, runRules(letter, refs, { offline: true, today: '2027-01-10', kcc }, config, rules, 'en')]),
    );
    expect(outcome['kwijtschelding-2027']).toEqual([]);
    expect(outcome['afvalpas-2027'].map((f) => [f.rule, f.message])).toEqual([
      [
        'kcc-briefing-outdated',
        'The KCC briefing kcc/afvalpas-2027.md ends on 31 January 2027, 16 days after the mailing date 15 January 2027; residents call for weeks after a mailing, so it must stay valid for at least 42 days (until 26 February 2027).',
      ],
    ]);
    expect(outcome['parkeervergunning-2027'].map((f) => [f.rule, f.message, f.hint])).toEqual([
      [
        'kcc-briefing-missing',
        'No KCC briefing covers this letter (id “parkeervergunning-2027”, kenmerk “PRK/2027/0311”) in kcc/: the contact centre does not know what residents read in it.',
        'Briefing kcc/parkeren-algemeen.md mentions www.voorbeeldstad.example/parkeren but not this letter. Does it belong to this letter? Put “parkeervergunning-2027” in that briefing\'s letters:.',
      ],
    ]);
    expect(outcome['subsidie-zonnepanelen-2027'].map((f) => [f.rule, f.message])).toEqual([
      [
        'kcc-briefing-mismatch',
        'For the form (“Vul het formulier in op”) the letter prints voorbeeldstad.example/zonnepanelen, but the KCC briefing kcc/subsidie-zonnepanelen-2027.md names voorbeeldstad.example/subsidie-zon (“Aanvraag subsidie zonnepanelen”): the contact centre would send callers to another address.',
      ],
    ]);
  });
});

/** The rule tester itself: it fails on wrong expectations, bad options and rules that mutate. */
import { describe, expect, it } from 'vitest';
import { allRules } from '../rules/index.js';
import prettyUrl from '../rules/pretty-url.js';
import missingUrl from '../rules/missing-url.js';
import { defineRule } from '../src/rule.js';
import { at, bare, refs } from './helpers.js';
import { assertInvalid, assertValid, contains, excludes, ruleTester, runCase, validateOptions } from './rule-tester.js';

const ugly = refs({ urls: [bare('voorbeeldstad.example/Afval_Pas', 3, 9)] });

describe('every rule', () => {
  it.each(allRules.map((r) => [r.meta.id, r] as const))('%s: its default options are valid against its own options schema', (_id, rule) => {
    expect(() => validateOptions(rule, rule.meta.defaultOptions)).not.toThrow();
  });
});

describe('the rule tester', () => {
  it('passes a case that says what the rule reports', async () => {
    await assertInvalid(prettyUrl, { refs: ugly, errors: [{ en: contains('uppercase letters', 'an underscore (_)'), nl: excludes('querystring'), location: at(3, 9), url: 'https://voorbeeldstad.example/Afval_Pas', hint: null }] });
    await assertValid(prettyUrl, { refs: refs({ urls: [bare('voorbeeldstad.example/afval')] }) });
  });

  it('fails a wrong message, location, url, hint or count', async () => {
    await expect(assertInvalid(prettyUrl, { refs: ugly, errors: [{ en: 'voorbeeldstad.example/Afval_Pas is fine.' }] })).rejects.toThrow(/report 1: en/);
    await expect(assertInvalid(prettyUrl, { refs: ugly, errors: [{ nl: contains('een querystring') }] })).rejects.toThrow(/report 1: nl/);
    await expect(assertInvalid(prettyUrl, { refs: ugly, errors: [{ en: excludes('uppercase') }] })).rejects.toThrow(/report 1: en/);
    await expect(assertInvalid(prettyUrl, { refs: ugly, errors: [{ line: 4 }] })).rejects.toThrow(/report 1: line/);
    await expect(assertInvalid(prettyUrl, { refs: ugly, errors: [{ url: 'https://voorbeeldstad.example/afval' }] })).rejects.toThrow(/report 1: url/);
    await expect(assertInvalid(prettyUrl, { refs: ugly, errors: [{ hint: { en: 'x' } }] })).rejects.toThrow(/report 1: hint/);
    await expect(assertInvalid(prettyUrl, { refs: ugly, errors: 2 })).rejects.toThrow(/reports/);
    await expect(assertInvalid(prettyUrl, { refs: ugly, errors: [] })).rejects.toThrow(/move it to valid/);
    await expect(assertValid(prettyUrl, { refs: ugly })).rejects.toThrow(/reports/);
  });

  it('fails loudly on options the rule’s schema refuses, and on options for a rule that takes none', async () => {
    await expect(runCase(prettyUrl, { refs: ugly, options: { maxLength: 'lang' as unknown as number } })).rejects.toThrow(/pretty-url: invalid options .*\/maxLength must be integer/);
    await expect(runCase(prettyUrl, { refs: ugly, options: { maxLenght: 60 } as never })).rejects.toThrow(/must NOT have additional properties \(maxLenght\)/);
    await expect(runCase(missingUrl, { refs: ugly, options: { strict: true } as never })).rejects.toThrow(/missing-url: invalid options/);
  });

  it('reads a letter with the real reader and extractor', async () => {
    const reports = await runCase(prettyUrl, { text: 'Kijk op voorbeeldstad.example/Afval_Pas.', format: 'text' });
    expect(reports.map((r) => [r.location, r.url])).toEqual([[{ line: 1, column: 9, part: 'body' }, 'https://voorbeeldstad.example/Afval_Pas']]);
  });

  it('a rule that changes what it is given fails', async () => {
    const mutating = defineRule({
      meta: { id: 'mutating', defaultSeverity: 'error', description: { nl: 'x', en: 'x' }, defaultOptions: {} },
      check({ refs: r }) {
        r.urls.pop();
        return [];
      },
    });
    await expect(runCase(mutating, { refs: ugly })).rejects.toThrow(TypeError);
  });
});

// The example of the README ("Adding a rule"), as it stands there.
ruleTester(prettyUrl).run('the README example', {
  valid: [{ text: 'Kijk op voorbeeldstad.example/afval.' }],
  invalid: [
    {
      text: 'Kijk op voorbeeldstad.example/Afval_Pas.',
      options: { maxLength: 60 },
      errors: [{ en: contains('uppercase letters'), line: 1, column: 9, url: 'https://voorbeeldstad.example/Afval_Pas' }],
    },
  ],
});

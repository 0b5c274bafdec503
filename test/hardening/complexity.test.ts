/**
 * No letter can stall a run or overflow the stack. Deep nesting and the other
 * inputs that cost the Markdown parser quadratic time are refused before it parses them, with a
 * `letter-too-complex` reason naming the line; the file gets exit code 2 and the other letters are
 * still checked. No test here measures time: they check that the run completes (within vitest's
 * generous timeout) and what it reports.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, cli, GOOD_LETTER, NO_KCC, project } from './helpers.js';
import { checkMarkdownComplexity, COMPLEXITY_LIMITS } from '../../src/letters/complexity.js';
import { readMarkdown } from '../../src/letters/markdown.js';
import { LetterReadError } from '../../src/letters/errors.js';
import { extractReferences } from '../../src/extract/index.js';
import type { JsonReport } from '../../src/report/types.js';

const CONFIG = JSON.stringify({ domains: ['voorbeeldstad.example'], rules: NO_KCC });
const SLOW = 120_000;

/** The reason a letter is refused for, or undefined when it is read. */
function refusal(source: string): string | undefined {
  try {
    checkMarkdownComplexity('brief.md', source);
    return undefined;
  } catch (e) {
    expect(e).toBeInstanceOf(LetterReadError);
    return (e as LetterReadError).reason.en;
  }
}

describe('letters that would stall the parser', () => {
  it(
    '20,000 nested list markers and 20,000 nested quotes: letter-too-complex at line 1, the other letters checked',
    async () => {
      const dir = project({
        'brieflint.config.json': CONFIG,
        'lijst.md': `${'- '.repeat(20_000)}x\n`,
        'citaat.md': `${'>'.repeat(20_000)} x\n`,
        'goed.md': GOOD_LETTER,
      });
      const run = await cli(['check', '--offline', '--format', 'json'], dir);
      expect(run.code).toBe(2);
      const report = JSON.parse(run.stdout) as JsonReport;
      const error = (path: string) => report.files.find((f) => f.path === path)?.error;
      expect(error('lijst.md')).toMatch(/^te complex om te lezen \(letter-too-complex\): regel 1: lijsten en citaten 20\.000 niveaus diep genest/);
      expect(error('citaat.md')).toMatch(/^te complex om te lezen \(letter-too-complex\): regel 1: lijsten en citaten 20\.000 niveaus diep genest/);
      expect(report.files.find((f) => f.path === 'goed.md')?.references.urls.map((u) => u.printed)).toEqual(['voorbeeldstad.example/afval']);
      expect(report.summary.unreadable).toBe(2);
    },
    SLOW,
  );

  it(
    'the installed bin says so in English, without a stack trace',
    () => {
      const dir = project({ 'brieflint.config.json': CONFIG, 'lijst.md': `${'- '.repeat(20_000)}x\n`, 'goed.md': GOOD_LETTER });
      const run = spawnSync(process.execPath, [BIN, 'check', '--offline', '--lang', 'en'], { cwd: dir, encoding: 'utf8' });
      expect(run.status).toBe(2);
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(/lijst\.md\n.*too complex to read \(letter-too-complex\): line 1: lists and quotes nested 20,000 levels deep/);
      expect(run.stdout).not.toMatch(/\n\s+at /);
    },
    SLOW,
  );

  it(
    'other quadratic inputs: nesting by indentation, setext headings, emphasis, brackets, a long letter',
    async () => {
      const indented = Array.from({ length: 300 }, (_, i) => `${' '.repeat(2 * i)}- x`).join('\n');
      const setext = 'a\n=\n'.repeat(4_096);
      const emphasis = `${'*a**'.repeat(16_384)}x\n`;
      const brackets = `${'[a]('.repeat(16_384)}x\n`;
      const quotedLines = `${'> '.repeat(50)}x\n`.repeat(2_000);
      const dir = project({
        'brieflint.config.json': CONFIG,
        'ingesprongen.md': indented,
        'setext.md': setext,
        'nadruk.md': emphasis,
        'haken.md': brackets,
        'citaatregels.md': quotedLines,
        'lang.md': `Regel.\n${'a'.repeat(COMPLEXITY_LIMITS.maxChars)}\n`,
        'lang.txt': `Regel.\n${'a'.repeat(COMPLEXITY_LIMITS.maxChars)}\n`,
        'goed.md': GOOD_LETTER,
      });
      const run = await cli(['check', '--offline', '--format', 'json', '--lang', 'en'], dir);
      expect(run.code).toBe(2);
      const report = JSON.parse(run.stdout) as JsonReport;
      const error = (path: string) => report.files.find((f) => f.path === path)?.error;
      expect(error('ingesprongen.md')).toMatch(/\(letter-too-complex\): line 51: lists and quotes nested 51 levels deep/);
      expect(error('setext.md')).toMatch(/\(letter-too-complex\): line \d+: too many headings underlined with === or ---/);
      expect(error('nadruk.md')).toMatch(/\(letter-too-complex\): line 1: the paragraph starting here is too long for so much markup/);
      expect(error('haken.md')).toMatch(/\(letter-too-complex\): line 1: the paragraph starting here/);
      expect(error('citaatregels.md')).toMatch(/\(letter-too-complex\): line 1001: too many lines inside nested lists and quotes/);
      expect(error('lang.md')).toMatch(/\(letter-too-complex\): line 2: the letter is larger than 512 KiB of text/);
      expect(error('lang.txt')).toMatch(/\(letter-too-complex\): line 2: the letter is larger than 512 KiB of text/);
      expect(error('goed.md')).toBeUndefined();
    },
    SLOW,
  );

  it(
    '`brieflint briefing` on such a letter: exit 2 and the reason, no stack trace',
    async () => {
      const dir = project({ 'brieflint.config.json': CONFIG, 'lijst.md': `${'- '.repeat(20_000)}x\n` });
      const run = await cli(['briefing', 'lijst.md'], dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^brieflint: lijst\.md: te complex om te lezen \(letter-too-complex\): regel 1/);
    },
    SLOW,
  );
});

describe('real letters are read as before', () => {
  it('lists nested a few levels, a forwarded e-mail quoted ten deep, thematic breaks, setext headings', () => {
    const letter = [
      'Kop',
      '===',
      '',
      '- een',
      '  - twee',
      '    1. drie',
      '       - vier: voorbeeldstad.example/vier',
      '',
      '- - -',
      '* * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * *',
      '',
      ...Array.from({ length: 40 }, (_, i) => `${'> '.repeat(10)}regel ${i} van een doorgestuurde mail`),
      '',
      'Tweede kop',
      '----------',
      '',
      `Een alinea met *nadruk*, **sterk**, \`code\`, [een link](https://voorbeeldstad.example/a) en <https://voorbeeldstad.example/b>. ${'Gewone tekst. '.repeat(300)}`,
    ].join('\n');
    expect(refusal(letter)).toBeUndefined();
    const refs = extractReferences(readMarkdown('brief.md', Buffer.from(letter)));
    expect(refs.urls.map((u) => [u.printed, u.location.line])).toEqual([
      ['voorbeeldstad.example/vier', 7],
      ['https://voorbeeldstad.example/a', 56],
      ['https://voorbeeldstad.example/b', 56],
    ]);
  });

  it('exactly the nesting limit is read; one level more is not', () => {
    expect(refusal(`${'- '.repeat(COMPLEXITY_LIMITS.maxDepth)}x\n`)).toBeUndefined();
    expect(refusal(`${'- '.repeat(COMPLEXITY_LIMITS.maxDepth + 1)}x\n`)).toMatch(/line 1: lists and quotes nested 51 levels deep/);
  });

  /** An e-mail template as mail tools write them: nested tables, Outlook conditional comments, a link per row. */
  function emailTemplate(bytes: number): string {
    const css = '<style>*{margin:0} .mso_hide{display:none} .btn_primary{color:red} a[x-apple-data-detectors]{color:inherit}</style>';
    const row = (i: number) =>
      `<tr><td class="content_block col_${i % 7}" style="padding:8px 16px"><!--[if mso]><table><tr><td><![endif]-->` +
      `<a href="https://voorbeeldstad.example/pagina_${i}" class="link_${i}">Lees meer over onderwerp ${i}</a><!--[if mso]></td></tr></table><![endif]--></td></tr>`;
    let html = `<!DOCTYPE html><html><head>${css}</head><body><table class="wrapper_table">`;
    for (let i = 0; html.length < bytes; i++) html += row(i);
    return `${html}</table></body></html>`;
  }

  it('a 95 KB HTML e-mail template is read: on one line, one tag per line, and kept in a code fence', () => {
    const html = emailTemplate(95_000);
    for (const letter of [`${html}\n`, `${html.replace(/></g, '>\n<')}\n`, `Het sjabloon:\n\n\`\`\`html\n${html.replace(/></g, '>\n<')}\n\`\`\`\n`]) {
      expect(refusal(letter)).toBeUndefined();
    }
  });

  it('raw HTML or code inside a list ends with the list: what follows still counts', () => {
    const attack = '*a**'.repeat(16_384);
    expect(refusal(`- punt\n  <div>\n${attack}\n`)).toMatch(/line 1: the paragraph starting here/);
    expect(refusal(`> <div>\n${attack}\n`)).toMatch(/line 1: the paragraph starting here/);
    expect(refusal(`<div>\n\n${attack}\n`)).toMatch(/line 3: the paragraph starting here/);
    expect(refusal(`<!-- opmerking -->\n${attack}\n`)).toMatch(/line 2: the paragraph starting here/);
    expect(refusal(`\`\`\`\ncode\n\`\`\`\n${attack}\n`)).toMatch(/line 4: the paragraph starting here/);
  });

  it(
    'an HTML e-mail template of thousands of tags is read, with the right line for each link',
    () => {
      const rows = Array.from({ length: 6_000 }, (_, i) => `<tr><td class="c"><span>rij ${i}</span></td></tr>`);
      rows[5_000] = '<tr><td><a href="https://voorbeeldstad.example/afmelden">afmelden</a></td></tr>';
      const letter = `<table>\n${rows.join('\n')}\n</table>\n`;
      expect(letter.length).toBeGreaterThan(250_000);
      expect(refusal(letter)).toBeUndefined();
      const refs = extractReferences(readMarkdown('brief.md', Buffer.from(letter)));
      expect(refs.urls.map((u) => [u.href, u.location.line])).toEqual([['https://voorbeeldstad.example/afmelden', 5_002]]);
    },
    SLOW,
  );
});

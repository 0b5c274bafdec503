/** Inline disabling in a plain-text (.txt) letter or template: a directive line, in any comment wrapper. */
import { describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/report/types.js';
import { readText } from '../../src/letters/text.js';
import { cli, NO_KCC, project } from '../cli/run.js';

const CONFIG = JSON.stringify({ domains: ['voorbeeldstad.example'], rules: NO_KCC });

const MAIL = [
  'Beste {{ naam }},', // 1
  '{# brieflint-disable-next-line pretty-url #}', // 2
  'Zie http://voorbeeldstad.example/Oud_Beleid.aspx voor het oude beleid.', // 3: silenced
  'Zie ook http://voorbeeldstad.example/Nieuw_Beleid.aspx.', // 4: reported
  '', // 5
  '<!-- brieflint-disable pretty-url -->', // 6
  'http://voorbeeldstad.example/A_B.aspx', // 7: silenced
  '<!-- brieflint-enable pretty-url -->', // 8
  'http://voorbeeldstad.example/C_D.aspx', // 9: reported
  '// brieflint-disable-next-line', // 10
  'http://voorbeeldstad.example/E_F.aspx', // 11: every rule silenced
  '# brieflint-disable-next-line dead-url, unreachable-url -- alleen de live controle', // 12
  'http://voorbeeldstad.example/G_H.aspx', // 13: pretty-url still reported
  '{{!-- brieflint-disable-next-line pretty-url --}}', // 14
  'http://voorbeeldstad.example/I_J.aspx', // 15: silenced
  'Wie brieflint-disable-next-line in een zin schrijft, zet niets uit: http://voorbeeldstad.example/K_L.aspx', // 16: reported
  'http://voorbeeldstad.example/M_N.aspx', // 17: reported
  '',
].join('\n');

describe('inline disabling in .txt letters', () => {
  it('a directive line (bare or in a template comment) disables rules for the next line or a range', async () => {
    const dir = project({ 'brieflint.config.json': CONFIG, 'mail.txt': MAIL });
    const { stdout } = await cli(['check', 'mail.txt', '--offline', '--format', 'json'], dir);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.files[0].findings.map((f) => `${f.rule} ${f.line}:${f.column}`)).toEqual([
      'pretty-url 4:9',
      'pretty-url 9:1',
      'pretty-url 13:1',
      'pretty-url 16:69',
      'pretty-url 17:1',
    ]);
    // Every address is still read (and listed); only findings are dropped.
    expect(report.files[0].references.urls).toHaveLength(9);
  });

  it('directive lines are no letter text: they neither split a paragraph nor count as placeholders', () => {
    const letter = readText('mail.txt', Buffer.from('Ga naar:\n{# brieflint-disable-next-line pretty-url #}\nvoorbeeldstad.example/afval\n'));
    expect(letter.blocks.map((b) => b.text)).toEqual(['Ga naar:\nvoorbeeldstad.example/afval']);
    expect(letter.blocks[0].segments.map((s) => s.line)).toEqual([1, 3]);
    expect(letter.directives).toEqual([{ kind: 'disable-next-line', rules: ['pretty-url'], line: 2 }]);
  });
});

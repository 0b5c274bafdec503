import { describe, expect, it } from 'vitest';
import { hyperlinkFieldHref, withFragment } from '../../src/letters/docx-fields.js';
import { prepareXml } from '../../src/letters/docx-mammoth.js';
import { buildMeta } from '../../src/letters/docx-props.js';
import { parseCount } from '../../src/letters/meta.js';
import { isoDate } from '../../src/model/date.js';

describe('hyperlinkFieldHref', () => {
  it.each([
    [' HYPERLINK "https://a.example/x" ', 'https://a.example/x'],
    ['HYPERLINK https://a.example/x', 'https://a.example/x'],
    [' HYPERLINK "https://a.example/x?q=1" \\l "frag" ', 'https://a.example/x?q=1#frag'],
    ['HYPERLINK "https://a.example/x#old" \\l "new"', 'https://a.example/x#new'],
    ['HYPERLINK \\o "tip" "https://a.example/x" \\h', 'https://a.example/x'],
    ['hyperlink "https://a.example/x"', 'https://a.example/x'],
  ])('%s → %s', (instruction, href) => {
    expect(hyperlinkFieldHref(instruction)).toBe(href);
  });

  it.each([[' HYPERLINK \\l "_Toc123" '], [' PAGE '], [' ADDIN ZOTERO_ITEM {"URL":"https://zotero.example/x"} '], ['']])(
    'gives no href for %j',
    (instruction) => {
      expect(hyperlinkFieldHref(instruction)).toBeUndefined();
    },
  );

  it('joins a target and a fragment the way Word does', () => {
    expect(withFragment('https://a.example/x', 'y')).toBe('https://a.example/x#y');
    expect(withFragment('https://a.example/x#z', 'y')).toBe('https://a.example/x#y');
  });
});

describe('prepareXml (before mammoth parses a part)', () => {
  it('turns a simple field into the complex field mammoth reads, with any namespace prefix', () => {
    const xml = '<x:p><x:fldSimple x:instr=" HYPERLINK &quot;https://a.example/&quot; "><x:r><x:t>a</x:t></x:r></x:fldSimple></x:p>';
    expect(prepareXml(xml)).toBe(
      '<x:p><x:r><x:fldChar x:fldCharType="begin"/></x:r>' +
        '<x:r><x:instrText xml:space="preserve"> HYPERLINK &quot;https://a.example/&quot; </x:instrText></x:r>' +
        '<x:r><x:fldChar x:fldCharType="separate"/></x:r><x:r><x:t>a</x:t></x:r>' +
        '<x:r><x:fldChar x:fldCharType="end"/></x:r></x:p>',
    );
  });

  it('closes a self-closing simple field at once', () => {
    expect(prepareXml('<w:fldSimple w:instr="PAGE"/>')).toMatch(/separate"\/><\/w:r><w:r><w:fldChar w:fldCharType="end"\/><\/w:r>$/);
  });

  it('marks text-box content with marker paragraphs', () => {
    const out = prepareXml('<w:txbxContent><w:p/></w:txbxContent><w:txbxContent/>');
    expect(out).toBe(
      '<w:txbxContent><w:p><w:bookmarkStart w:id="0" w:name="brieflint-textbox-start"/></w:p><w:p/>' +
        '<w:p><w:bookmarkStart w:id="0" w:name="brieflint-textbox-end"/></w:p></w:txbxContent><w:txbxContent/>',
    );
  });

  it('leaves other XML alone', () => {
    const xml = '<w:p><w:r><w:t>fldSimple</w:t></w:r></w:p>';
    expect(prepareXml(xml)).toBe(xml);
  });
});

describe('document properties → LetterMeta', () => {
  it.each([
    ['2025-03-14', '2025-03-14'],
    ['2025-03-13T23:00:00Z', '2025-03-14'],
    ['2025-07-01T22:30:00Z', '2025-07-02'],
    ['2025-03-14T10:00:00', '2025-03-14'],
    ['2025-03-14T00:00:00+01:00', '2025-03-14'],
    ['2025-02-30', undefined],
    ['14 maart 2025', '2025-03-14'],
  ])('isoDate(%s) = %s', (text, date) => {
    expect(isoDate(text)).toBe(date);
  });

  it.each([
    ['1250', 1250],
    ['1.250', 1250],
    ['12 500', 12500],
    ['1,5', undefined],
    ['veel', undefined],
  ])('parseCount(%s) = %s', (text, count) => {
    expect(parseCount(text)).toBe(count);
  });

  it('matches custom property names case-insensitively and keeps what does not fit in extra', () => {
    const meta = buildMeta('brief', { title: 'T', keywords: 'a; b' }, [
      { name: 'LETTER-ID', value: 'x-1' },
      { name: 'VerzendDatum', value: 'volgende week' },
      { name: 'OPLAGE', value: 300 },
      { name: 'eigenaar', value: 'Team Zorg' },
      { name: 'Afdeling', value: 'Zorg' },
    ]);
    expect(meta).toEqual({
      id: 'x-1',
      title: 'T',
      recipients: 300,
      owner: 'Team Zorg',
      extra: { keywords: 'a; b', VerzendDatum: 'volgende week', Afdeling: 'Zorg' },
      invalid: [{ key: 'VerzendDatum', value: 'volgende week', expected: 'date' }],
    });
  });

  it('keeps the file name as id when no property gives one', () => {
    expect(buildMeta('brief', {}, [])).toEqual({ id: 'brief' });
  });
});

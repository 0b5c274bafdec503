import { describe, expect, it } from 'vitest';
import {
  escapeGithubData,
  escapeGithubProperty,
  escapeHtml,
  escapeMarkdown,
  escapeXml,
  escapeXmlText,
  safeHref,
} from '../../src/report/escape.js';

describe('escapeHtml', () => {
  it('escapes the five HTML specials', () => {
    expect(escapeHtml(`<script>"a" & 'b'</script>`)).toBe('&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;');
    expect(escapeHtml('"><img src=x onerror="alert(1)">')).toBe('&quot;&gt;&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
  });
  it('renders null and undefined as empty', () => {
    expect(escapeHtml(undefined)).toBe('');
    expect(escapeHtml(null)).toBe('');
  });
});

describe('escapeXml', () => {
  it('escapes specials and keeps line breaks in attributes as character references', () => {
    expect(escapeXml('a<b>&"c"\n\'d\'')).toBe('a&lt;b&gt;&amp;&quot;c&quot;&#10;&#39;d&#39;');
  });
  it('shows control characters escaped and replaces the other characters XML cannot hold', () => {
    expect(escapeXml('a\u0000b\u001Fc\uFFFFd\uD800e')).toBe('a\\x00b\\x1fc\uFFFDd\uFFFDe');
    expect(escapeXmlText('ok 😀 \r\nnext')).toBe('ok 😀 \nnext');
  });
});

describe('escapeMarkdown', () => {
  it('keeps a table cell one cell and no markup', () => {
    expect(escapeMarkdown('a | b')).toBe('a \\| b');
    expect(escapeMarkdown('*x* _y_ `z` [l](u) ![i](j) <b> &amp; #h ~s~ $m$')).toBe(
      '\\*x\\* \\_y\\_ \\`z\\` \\[l\\](u) !\\[i\\](j) \\<b\\> \\&amp; \\#h \\~s\\~ \\$m\\$',
    );
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('cc @kcc-team, mail info@voorbeeldstad.example')).toBe(
      'cc @\u200Bkcc-team, mail info@voorbeeldstad.example',
    );
    expect(escapeMarkdown('line1\r\nline2\nline3')).toBe('line1 line2 line3');
    expect(escapeMarkdown('back\\slash')).toBe('back\\\\slash');
  });
});

describe('GitHub workflow command escaping', () => {
  it('escapes data: %, CR, LF (in that order, so %0A in the text stays literal)', () => {
    expect(escapeGithubData('100% done\r\nnext %0A')).toBe('100%25 done%0D%0Anext %250A');
    expect(escapeGithubData('a: b, c')).toBe('a: b, c');
  });
  it('escapes properties: additionally : and ,', () => {
    expect(escapeGithubProperty('dir:a,b/100%\r\n.md')).toBe('dir%3Aa%2Cb/100%25%0D%0A.md');
  });
});

describe('safeHref', () => {
  it('allows http(s) and relative paths only', () => {
    expect(safeHref('https://voorbeeldstad.example/a b')).toBe('https://voorbeeldstad.example/a%20b');
    expect(safeHref('kcc/brief met spatie.md')).toBe('kcc/brief%20met%20spatie.md');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref(' JaVaScRiPt:alert(1)')).toBeUndefined();
    expect(safeHref('data:text/html,<script>')).toBeUndefined();
    expect(safeHref('//evil.example/x')).toBeUndefined();
    expect(safeHref('java\tscript:alert(1)')).toBeUndefined();
    expect(safeHref(undefined)).toBeUndefined();
  });
});

/**
 * Where a finding is, as each report format writes it, in the report's language: one place, so a
 * Dutch message never carries an English "[paragraph 4, character 58]".
 *
 * In a .docx letter the line is the paragraph number and the column the character in it; a
 * finding in a header, footer, footnote … names that part. A finding about the whole letter has
 * line 0 and no position.
 */
import type { Lang } from '../types.js';

export interface Position {
  line: number;
  column: number;
  part?: string | undefined;
}

const PARTS: Record<Lang, Record<string, string>> = {
  nl: {
    header: 'koptekst',
    footer: 'voettekst',
    footnote: 'voetnoot',
    endnote: 'eindnoot',
    textbox: 'tekstvak',
    frontmatter: 'front matter',
    properties: 'documenteigenschappen',
  },
  en: {
    header: 'header',
    footer: 'footer',
    footnote: 'footnote',
    endnote: 'endnote',
    textbox: 'text box',
    frontmatter: 'front matter',
    properties: 'document properties',
  },
};

const WORDS = {
  nl: { line: 'regel', paragraph: 'alinea', character: 'teken', column: 'kolom' },
  en: { line: 'line', paragraph: 'paragraph', character: 'character', column: 'column' },
} as const;

export function isDocxPath(path: string): boolean {
  return /\.docx$/i.test(path);
}

/** "voettekst" / "footer"; empty for the body. */
export function partName(part: string | undefined, lang: Lang): string {
  if (!part || part === 'body') return '';
  return PARTS[lang][part] ?? part;
}

export type PositionStyle =
  /** stylish: `3:28`, `voettekst 3:28`; `—` for the whole letter. */
  | 'stylish'
  /** Inside a GitHub annotation of a .docx letter (which has no lines): `[alinea 4 (voettekst), teken 58]`. */
  | 'github'
  /** Appended to a SARIF message of a .docx letter: `[.docx: alinea 4 (voettekst), teken 58]`. */
  | 'sarif'
  /** JUnit and Markdown: `3:28`, `alinea 3:28`, `alinea 3:28 (voettekst)`. */
  | 'short'
  /** The KCC page (no columns): `regel 3`, `alinea 3 (voettekst)`. */
  | 'page';

/**
 * The position of a finding (or reference) in `path`, in `style` and `lang`. Empty when there is
 * none (line 0), except for stylish, which shows `—`; `github` and `sarif` are for .docx letters
 * only (other letters have real lines and columns in those formats) and are empty otherwise.
 */
export function formatPosition(style: PositionStyle, path: string, p: Position, lang: Lang): string {
  const w = WORDS[lang];
  const docx = isDocxPath(path);
  const part = partName(p.part, lang);
  const hasLine = p.line >= 1;
  const hasColumn = p.column >= 1;
  switch (style) {
    case 'stylish':
      return hasLine ? `${part ? `${part} ` : ''}${p.line}:${p.column}` : '—';
    case 'github':
    case 'sarif': {
      if (!docx || !hasLine) return '';
      const at = `${w.paragraph} ${p.line}${part ? ` (${part})` : ''}${hasColumn ? `, ${w.character} ${p.column}` : ''}`;
      return style === 'sarif' ? `[.docx: ${at}]` : `[${at}]`;
    }
    case 'short': {
      if (!hasLine) return '';
      const at = `${docx ? `${w.paragraph} ` : ''}${p.line}${hasColumn ? `:${p.column}` : ''}`;
      return part ? `${at} (${part})` : at;
    }
    case 'page': {
      if (!hasLine) return '';
      const at = `${docx ? w.paragraph : w.line} ${p.line}`;
      return part ? `${at} (${part})` : at;
    }
  }
}

/**
 * Core types shared by readers, extractors, facts, rules and reporters.
 * The flow: read → extract → gather facts (all I/O) → rules (pure) → report.
 */

export type Lang = 'nl' | 'en';
/** A message in both user-facing languages. */
export interface Message {
  nl: string;
  en: string;
}

export type LetterFormat = 'markdown' | 'docx' | 'text';

/** Where in the letter something sits. */
export type Part =
  | 'body'
  | 'header'
  | 'footer'
  | 'footnote'
  | 'endnote'
  | 'textbox'
  | 'frontmatter'
  | 'properties';

/**
 * Markdown and text: 1-based line and column in the file.
 * .docx: `line` is the 1-based paragraph number within its part, `column` the 1-based
 * character offset in that paragraph.
 */
export interface Location {
  line: number;
  column: number;
  part?: Part;
}

/**
 * Where a run of a block's text starts. A segment covers the text from `offset` up to the next
 * segment's offset, on one source line without gaps.
 */
export interface Segment {
  offset: number;
  line: number;
  column: number;
}

/** A paragraph, heading, table cell, list item … of text a resident reads. */
export interface TextBlock {
  text: string;
  part: Part;
  /** At least one segment, the first with offset 0. Sorted by offset. */
  segments: Segment[];
  kind?: 'paragraph' | 'heading' | 'table-cell' | 'list-item' | 'html' | 'code';
  /**
   * Set when `text` was released after extraction to keep a large run's memory flat (rules work on
   * References; positions and segments stay): the length the text had.
   */
  length?: number;
}

/** A hyperlink: the target, and the text the reader sees. */
export interface Link {
  href: string;
  text: string;
  location: Location;
  /** Index into Letter.blocks of the block holding the link text, with its range in that block's text. */
  block?: number;
  start?: number;
  end?: number;
  /** Where the link came from, for diagnostics. */
  source?: 'markdown' | 'autolink' | 'html' | 'hyperlink' | 'field';
}

export interface LetterMeta {
  /** Always set: from front matter, properties, manifest, or the file name without extension. */
  id: string;
  title?: string;
  kenmerk?: string;
  /** ISO date YYYY-MM-DD. */
  mailingDate?: string;
  recipients?: number;
  owner?: string;
  /** Other metadata found (subject, keywords …). */
  extra?: Record<string, unknown>;
  /** Known fields whose value could not be read (rule `invalid-metadata` reports them). */
  invalid?: Array<{ key: string; value: string; expected: 'date' | 'count' }>;
}

/**
 * An inline directive: `<!-- brieflint-disable-next-line id -->` / `<!-- brieflint-disable id -->`
 * (Markdown), a directive line (.txt), or a Word comment (.docx, a closed range: `endLine`, `part`).
 */
export interface DisableDirective {
  kind: 'disable-next-line' | 'disable' | 'enable';
  /** Empty = all rules. */
  rules: string[];
  line: number;
  /** Set for a closed range (a Word comment): it covers `line` … `endLine`, and needs no `enable`. */
  endLine?: number;
  /** The part the lines are counted in (.docx: paragraphs per part); absent = any. */
  part?: Part;
}

export interface Letter {
  /** As given on the command line, relative to cwd, forward slashes. */
  path: string;
  format: LetterFormat;
  meta: LetterMeta;
  blocks: TextBlock[];
  links: Link[];
  directives: DisableDirective[];
  /** .docx: tracked changes not yet accepted or rejected (the text is read as if accepted). */
  trackedChanges?: { insertions: number; deletions: number };
  /**
   * The images the letter shows (.docx media in body, headers and footers; Markdown `![…](…)`), in
   * reading order, and what src/images read from them (a QR code, or why nothing could be read).
   */
  images?: LetterImage[];
}

/** What an image's bytes are, as far as their first bytes tell. */
export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'bmp' | 'emf' | 'wmf' | 'svg' | 'tiff' | 'webp' | 'unknown';

/**
 * Why an image was not searched for a QR code:
 * - skipped (it cannot hold one): `too-small` (under 21 pixels a side), `not-square` (a banner or
 *   a logo: longer than 2.5 × its width), `no-contrast` (a photo: not two tones), `noise` (dithered);
 * - unreadable (it may hold one, brieflint cannot tell): `vector` (EMF, WMF, SVG), `unsupported`
 *   (TIFF, WebP, an unknown format), `corrupt`, `too-large` (bytes or pixels over the limits),
 *   `missing` (the file or part is not there), `linked` (not embedded: a link to a file or a web
 *   address), `outside` (a Markdown image outside the project folder).
 */
export type ImageProblem =
  | 'too-small'
  | 'not-square'
  | 'no-contrast'
  | 'noise'
  | 'vector'
  | 'unsupported'
  | 'corrupt'
  | 'too-large'
  | 'missing'
  | 'linked'
  | 'outside';

/** A rectangle in an image, in its pixels. */
export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A QR code read from an image. */
export interface DecodedCode {
  /** The text the code holds (UTF-8, or Latin-1 when it is not valid UTF-8). */
  payload: string;
  /** Where the code sits in the image (its finder patterns' bounding box). */
  region: Region;
  /** QR version (1–40): the size of the code. */
  version: number;
  /** A small greyscale PNG of the code's region, as a `data:` URL (for the KCC page). */
  thumbnail?: string;
}

export interface LetterImage {
  /** .docx: the part name (`word/media/image1.png`); Markdown: the path as written (`qr.png`). */
  name: string;
  /** The paragraph holding the image; .docx: column = the character offset where it stands. */
  location: Location;
  /** Alternative text (Word's description or title; Markdown's `![alt]`). */
  alt?: string;
  /** Not embedded: Word's linked picture, a Markdown image on the web. Never fetched. */
  external?: boolean;
  /** Set by the reader when it holds the bytes (.docx); dropped once src/images has read them. */
  load?: () => Promise<Buffer>;
  /** What src/images made of it (absent before it ran). */
  read?: ImageReading;
}

export interface ImageReading {
  format: ImageFormat;
  width?: number;
  height?: number;
  /** `code`: a QR code was read; `no-code`: searched, none found; `skipped`: it cannot hold one; `unreadable`: it may, but brieflint cannot read it. */
  status: 'code' | 'no-code' | 'skipped' | 'unreadable';
  reason?: ImageProblem;
  code?: DecodedCode;
}

// ---------------------------------------------------------------------------------------------
// References: what the letter sends people to (output of src/extract).

export interface UrlRef {
  /** As the reader sees it (link text when it looks like a URL, else the bare URL or the target). */
  printed: string;
  /**
   * Normalized absolute URL (https:// added to scheme-less URLs; scheme and host lower-cased).
   * A hyperlink target that has no scheme (relative name, placeholder) is kept as-is.
   */
  href: string;
  location: Location;
  /** Set for hyperlinks: the text the reader sees. */
  linkText?: string;
  /** True when the URL came from a hyperlink. */
  linked: boolean;
  /** True when the URL itself is visible in the text (bare, or link text that looks like a URL). */
  visible: boolean;
}

export interface PhoneRef {
  printed: string;
  /** Digits only, e.g. "14020", "0299452452"; +31/0031 become the trunk 0, other countries keep "+" ("+3221234567"). See extract/phones.ts. */
  normalized: string;
  location: Location;
}

export interface EmailRef {
  printed: string;
  address: string;
  location: Location;
}

/**
 * What a call to action asks the reader to do. The first five are the original kinds; the others
 * were added later (the JSON contract only ever adds kinds).
 */
export type FormMentionKind =
  | 'online-form'
  | 'online-application'
  | 'website'
  | 'portal'
  | 'paper-form'
  | 'appointment'
  | 'report'
  | 'login'
  | 'qr-code'
  | 'phone'
  | 'visit';

/** A call to action: the letter asks the reader to do something, somewhere (src/extract/calls.ts). */
export interface FormMention {
  kind: FormMentionKind;
  /** The words that matched, e.g. "vul het formulier in op", "Vraag … aan via". */
  text: string;
  location: Location;
  /**
   * Whether the call sends the reader online (a site, an online form, a portal or app, a QR code,
   * a link). A paper form, a phone call or a visit does not; an appointment or a report does when
   * the letter says it is made online. Absent on mentions built by older code: read as
   * `kind` ∈ online-form, online-application, website, portal.
   */
  online?: boolean;
  /**
   * The address the call points at: an index into References.urls of the visible URL in the same
   * sentence (or right after a colon that ends it). Absent: none printed with the call itself.
   */
  url?: number;
  /** Same, for an address placeholder standing where the address belongs: index into References.placeholders. */
  placeholder?: number;
}

export interface LoginMention {
  kind: 'digid' | 'eherkenning' | 'eidas';
  text: string;
  location: Location;
}

export interface PlaceholderRef {
  /** As printed, e.g. "{{ verification_url }}", "<URL VRAGENLIJST>", "[gemeentenaam]". */
  printed: string;
  location: Location;
  /**
   * True when the placeholder stands where a web address belongs — inside a URL, as a link target,
   * right after a call to action ("ga naar {{ url }}"), or named for an address on a line of its
   * own — never for a name, a date or a phone number.
   */
  inUrl: boolean;
  /** What the placeholder stands for, as far as its place and name tell: `phone` for a phone number (`tel:{{ phone }}`, "bel {{ telefoon }}"). */
  role?: 'address' | 'phone' | 'email' | 'other';
}

/** What a QR code holds: a web address, an EPC (SEPA/iDEAL) payment, a contact card, e-mail, phone, or other text. */
export type QrPayloadKind = 'url' | 'epc' | 'vcard' | 'email' | 'phone' | 'text';

/** A QR code read from an image in the letter (src/images), as a reference of kind `qr`. */
export interface QrRef {
  /** The decoded text. */
  payload: string;
  kind: QrPayloadKind;
  /** For a `url` payload: the normalized absolute URL (checked live like a printed address). */
  href?: string;
  /** The paragraph (and part) holding the image. */
  location: Location;
  /** The image: part name (.docx) or path (Markdown). */
  image: string;
  /** The code's place in the image, and a small thumbnail of it. */
  region: Region;
  thumbnail?: string;
  /** For an `epc` payload: the payment it asks for. */
  payment?: { name?: string; iban?: string; amount?: string; reference?: string };
  /** The address printed next to it (same paragraph, or the `qr-code` call it belongs to): an index into References.urls. */
  url?: number;
  /** The call to action (`qr-code`) it belongs to: an index into References.forms. */
  call?: number;
}

/**
 * An image that may hold a QR code brieflint cannot read (EMF, WMF, SVG, TIFF, damaged, too large,
 * missing, linked): a note on the letter, so an unchecked code never passes silently. Images that
 * cannot hold a code (too small, a banner, a photo) are not listed.
 */
export interface ImageRef {
  image: string;
  location: Location;
  format: ImageFormat;
  reason: ImageProblem;
}

export interface References {
  urls: UrlRef[];
  forms: FormMention[];
  phones: PhoneRef[];
  emails: EmailRef[];
  logins: LoginMention[];
  placeholders: PlaceholderRef[];
  /** QR codes read from the letter's images (absent: none, or images were not read). */
  qr?: QrRef[];
  /** Images that may hold a code but could not be read (see ImageRef). */
  images?: ImageRef[];
}

// ---------------------------------------------------------------------------------------------
// Findings and rules.

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = 'off' | 'warn' | 'error';

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  location?: Location;
  url?: string;
  hint?: string;
}

/** What a rule reports; the engine adds rule id, severity and picks the language. */
export interface Report {
  message: Message;
  location?: Location;
  url?: string;
  hint?: Message;
}

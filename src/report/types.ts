/**
 * The JSON report: a public contract (README "JSON output"). Every formatter renders this shape.
 * Add fields, never rename or remove them.
 */
import type { LetterMeta, Severity } from '../types.js';

export interface JsonUrl {
  /** What a reader sees of the address; absent for a hyperlink whose text is no address ("klik hier"). */
  printed?: string;
  href: string;
  /** True for a hyperlink whose address is not printed (its text is not an address). */
  hidden?: true;
  line: number;
  column: number;
  linkText?: string;
  part?: string;
  /** Live-site result (absent with --offline). */
  result?: {
    kind: 'ok' | 'protected' | 'soft-404' | 'dead' | 'unreachable' | 'unverifiable';
    finalUrl?: string;
    status?: number;
    chain: Array<{ url: string; status: number; location?: string }>;
    error?: string;
    /** Why it got its kind (e.g. soft-404 title, bot wall header). */
    reason?: string;
    /** The login wall it stopped at (kind `protected`). */
    login?: { provider: string; url?: string };
    title?: string;
    /** The printed address ends on another domain. */
    offsite?: boolean;
    /** Typed variants (own domains): how each fared; `problem` set when it fails. */
    variants?: Array<{ variant: string; url: string; kind: string; finalUrl?: string; status?: number; problem?: string }>;
  };
  /** The online form found behind the URL (the forms check). */
  form?: { platform: string; slug?: string; state: string; name?: string; loginRequired?: boolean; reason?: string };
  /** Not fetched: `site.exclude` or `.brieflintignore` matches it (`line`: where in .brieflintignore). No `result` then. */
  excluded?: JsonExcluded;
  /**
   * A link whose text is another address than its target: what a reader of the paper letter types
   * (`href`: the printed text as a URL), with its own live result and form. `result`/`form` above
   * are where the link goes.
   */
  typed?: { href: string; result?: JsonUrl['result']; form?: JsonUrl['form']; excluded?: JsonExcluded };
}

export interface JsonExcluded {
  by: 'site.exclude' | '.brieflintignore';
  pattern: string;
  line?: number;
}

/**
 * A QR code in the letter: `payload` as decoded, `kind` (`url`, `epc`, `vcard`, `email`, `phone`,
 * `text`), `href` for a web address (checked live like a printed one: `result`, `form`), the image
 * and the code's `region` in it, a small `thumbnail` (`data:image/png`), `payment` for an EPC code,
 * and `nextTo`: the href of the address printed next to it.
 */
export interface JsonQr {
  payload: string;
  kind: string;
  href?: string;
  line: number;
  column: number;
  part?: string;
  image: string;
  region: { x: number; y: number; width: number; height: number };
  thumbnail?: string;
  payment?: { name?: string; iban?: string; amount?: string; reference?: string };
  nextTo?: string;
  result?: JsonUrl['result'];
  form?: JsonUrl['form'];
}

export interface JsonFinding {
  rule: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  url?: string;
  hint?: string;
  part?: string;
}

export interface JsonFile {
  path: string;
  letter: Pick<LetterMeta, 'id' | 'title' | 'kenmerk' | 'mailingDate' | 'recipients' | 'owner'> | null;
  references: {
    urls: JsonUrl[];
    /** Calls to action (`kind` online-form … visit); `url`: the href of the address it points at; `placeholder`: the placeholder there instead. */
    forms: Array<{ kind: string; text: string; line: number; column: number; part?: string; online?: boolean; url?: string; placeholder?: string }>;
    phones: Array<{ printed: string; normalized: string; line: number; column: number; part?: string }>;
    emails: Array<{ printed: string; address: string; line: number; column: number; part?: string }>;
    /** Template placeholders left in the letter; `inUrl` where an address belongs. */
    placeholders?: Array<{ printed: string; line: number; column: number; part?: string; inUrl: boolean; role?: string }>;
    /** QR codes read from the letter's images; see JsonQr. */
    qr?: JsonQr[];
    /** Images that may hold a QR code but could not be read (EMF, WMF, SVG, TIFF, damaged, too large, missing, linked). */
    images?: Array<{ image: string; format: string; reason: string; line: number; column: number; part?: string }>;
  };
  findings: JsonFinding[];
  /** Set when the file could not be read (counted in summary.unreadable). */
  error?: string;
  /**
   * Absent for a letter. `briefing`: a KCC briefing file that could not be read as a briefing
   * (bad front matter, an id used twice); `error` says why, `errorAt` where. It counts as
   * unreadable (exit code 2); every letter is still checked.
   */
  kind?: 'briefing';
  /** Where in the file the error is, when known: the line (1 = the opening `---`) and the front-matter field. */
  errorAt?: { line?: number; field?: string };
  /**
   * The KCC briefing that covers the letter; null when none does; absent when the knowledge base
   * was not read. `state` (current, draft, not-yet-valid, expired, ends-too-soon) is what the facts
   * say, whatever rules ran; `checkedOn` the date it must hold on (the mailing date, or today),
   * `mustRunUntil` the last day it must still be valid, `mismatches` how many of the letter's
   * URLs, forms and phone numbers it does not name.
   */
  briefing?: {
    source: string;
    id: string;
    path?: string;
    validUntil?: string;
    title?: string;
    state?: 'current' | 'draft' | 'not-yet-valid' | 'expired' | 'ends-too-soon';
    validFrom?: string;
    checkedOn?: string;
    mustRunUntil?: string;
    mismatches?: number;
    covering?: number;
  } | null;
}

export interface JsonReport {
  version: string;
  files: JsonFile[];
  summary: {
    files: number;
    errors: number;
    warnings: number;
    unreadable: number;
    /** Rules not run because their facts were not gathered (e.g. --offline). */
    skippedRules?: string[];
    /** Findings suppressed by --baseline. */
    suppressed?: number;
    /** Files named on the command line that the config's `ignore` or the KCC folder leave out. */
    ignored?: number;
    /** Attachments found in a folder in a format brieflint cannot read (.pdf, .doc, .odt …): listed, not checked. */
    skippedFiles?: string[];
    /** Warnings left out of the report by --quiet. */
    hiddenWarnings?: number;
    /** Findings of rule `internal-error`: a rule that failed (a bug in brieflint); the run exits 2. */
    internalErrors?: number;
    /**
     * What the run could not check, in the report's language: `no-domains` (no `domains` in
     * the config: the own-domain checks are off), `dns` (every host failed DNS: no network, or a
     * proxy is needed).
     */
    notes?: Array<{ id: string; message: string }>;
  };
}

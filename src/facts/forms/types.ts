/**
 * Types of the online-forms check. `checkForms()` in ./index.ts reads the landing pages
 * the live-site checker fetched (SiteFacts), finds the form on each, asks Open Formulieren about
 * it, and fills `FormsFacts`; rules read it and never fetch anything themselves.
 */
import type { LookupFunction } from 'node:net';

/**
 * - `open-formulieren`: an Open Formulieren form (an SDK embed, a standalone page on a configured
 *   Open Forms host, or a link / iframe to one); its state comes from the Open Forms API.
 * - `html`: a plain HTML `<form>` with fields on the page (or a page on a configured forms host).
 * - `link`: a link on the page to a configured forms host (`forms.formHosts`); not followed.
 */
export type FormPlatform = 'open-formulieren' | 'html' | 'link';

/**
 * - `open`: the form can be filled in and sent (or, for `html`, a form with fields is on the page).
 * - `inactive`: switched off in Open Formulieren (told apart from `missing` only with a token).
 * - `missing`: Open Formulieren answers 404: deleted or never there (or switched off, without a token).
 * - `maintenance`: in maintenance mode: residents see a notice instead of the form.
 * - `closed`: `submissionAllowed` is `no_with_overview` or `no_without_overview`.
 * - `limit-reached`: the form's submission limit is reached.
 * - `unknown`: there is a form but its state could not be told (API error, malformed answer, a
 *   link not followed); see `reason`.
 * - `none`: the landing page holds no form and no link to one.
 */
export type FormState = 'open' | 'inactive' | 'missing' | 'maintenance' | 'closed' | 'limit-reached' | 'unknown' | 'none';

/** How the form was found on (or from) the landing page. */
export type FormSource = 'embed' | 'page' | 'link' | 'iframe' | 'form';

export type SubmissionAllowed = 'yes' | 'no_with_overview' | 'no_without_overview';

/** The form behind one printed URL. */
export interface FormResult {
  /** Absent when `state` is `none`. */
  platform?: FormPlatform;
  state: FormState;
  /** How it was found. */
  source?: FormSource;
  /** Open Formulieren: the form's slug (from the page, or from the API answer). */
  slug?: string;
  /** Open Formulieren: the form's UUID (from the page, or from the API answer). */
  uuid?: string;
  /** The form's name as Open Formulieren gives it. */
  name?: string;
  /** Open Formulieren: the API detail URL that was asked (`…/api/v2/forms/{uuid-or-slug}`). */
  apiUrl?: string;
  /** Where the form lives when that is not the landing page itself (link, iframe, standalone page). */
  formUrl?: string;
  /** Open Formulieren: `submissionAllowed` as answered. */
  submissionAllowed?: SubmissionAllowed;
  /** The form asks the reader to log in before filling it in. */
  loginRequired?: boolean;
  /** The log-in means offered (Open Formulieren identifiers: `digid`, `eherkenning`, `digid_oidc` …). */
  loginOptions?: string[];
  /**
   * A 404 was checked against the token-protected form list (`/api/v2/public/forms`), so
   * `missing` means deleted or never there and `inactive` means switched off.
   */
  listChecked?: boolean;
  /** Why the state is what it is (API status, problem detail, what was malformed …), in English. */
  reason?: string;
}

export interface FormsStats {
  /** Landing pages looked at. */
  pages: number;
  /** Distinct Open Formulieren forms asked about. */
  forms: number;
  /** HTTP requests to Open Forms APIs (retries included). */
  requests: number;
}

/** The facts of the forms check: one result per printed URL (keys as in SiteFacts.urls). */
export interface FormsFacts {
  urls: Record<string, FormResult>;
  stats: FormsStats;
}

/** A configured host (with an optional path prefix), e.g. `https://formulieren.gemeente.nl/`. */
export interface HostEntry {
  /** `https://host[:port]` */
  origin: string;
  /** Lowercase `host[:port]` (default port left out), as URL.host gives it. */
  host: string;
  /** The path the service lives under, starting and ending with `/` (usually just `/`). */
  basePath: string;
}

export interface FormsOptions {
  /** Open Formulieren instances: standalone form pages live at `<origin><basePath><slug>/`, the API at `<basePath>api/v2/`. */
  openFormsHosts: HostEntry[];
  /** Other forms hosts: a link to one counts as a link to a form. */
  formHosts: HostEntry[];
  /** The Open Forms API token (sent only to the origins of `openFormsHosts`). */
  token?: string;
  /** The environment variable the token was to be read from (for reasons when it is not set). */
  tokenEnv?: string;
  /** Per request, in ms (default 10 000). */
  timeoutMs?: number;
  /** Retries for 5xx, 408, 429, timeouts and resets (default 2). */
  retries?: number;
  /** Requests in flight at once (default 8). */
  concurrency?: number;
  /** Requests in flight per host (default 4). */
  perHost?: number;
  /** Bytes of an API answer read at most (default 512 KiB). */
  maxBodyBytes?: number;

  // Connections: the same as the live-site check (see SiteOptions).
  connectTo?: string[];
  ca?: string[];
  allowPrivate?: boolean;
  lookup?: LookupFunction;
  /** Where the proxy variables are read (default process.env). */
  env?: NodeJS.ProcessEnv;
  userAgent?: string;
  signal?: AbortSignal;
  /** First retry delay in ms, doubled each retry, with jitter (default 500). */
  retryBaseMs?: number;
  /** Cap on a Retry-After wait and on a backoff delay, in ms (default 10 000). */
  maxRetryWaitMs?: number;
  /** Told about every request to the forms API (check --verbose; never headers or the token). */
  onAttempt?(event: import('../../http/client.js').AttemptEvent): void;
}

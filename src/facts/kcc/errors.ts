import type { Message } from '../../types.js';

/**
 * The knowledge base could not be read: folder missing, bad front matter, server unreachable,
 * 401, 5xx after retries, malformed answer. The CLI turns it into exit code 2 — never into
 * "briefing missing" for every letter. Messages never contain a secret.
 */
export class KnowledgeBaseError extends Error {
  /** The folder, file or URL that failed (URLs without credentials). */
  readonly location: string;
  readonly reason: Message;
  /** Folder adapter: the front-matter field at fault. */
  readonly field?: string;
  /** Folder adapter: the line in the briefing file (the opening `---` is line 1). */
  readonly line?: number;
  /** HTTP adapters: the last status code, if any. */
  readonly status?: number;
  constructor(
    location: string,
    reason: Message,
    options?: { cause?: unknown; field?: string; line?: number; status?: number },
  ) {
    super(`${location}: ${reason.en}`, options?.cause !== undefined ? { cause: options.cause } : undefined);
    this.name = 'KnowledgeBaseError';
    this.location = location;
    this.reason = reason;
    if (options?.field !== undefined) this.field = options.field;
    if (options?.line !== undefined) this.line = options.line;
    if (options?.status !== undefined) this.status = options.status;
  }
}

/** An HTTP adapter's answer is not what its API promises. */
export function unexpectedAnswer(where: string, from: Message, what: Message): KnowledgeBaseError {
  return new KnowledgeBaseError(where, {
    nl: `onverwacht antwoord van ${from.nl}: ${what.nl}`,
    en: `unexpected answer from ${from.en}: ${what.en}`,
  });
}

/** A search that goes on for more pages than kcc.maxPages allows. */
export function tooManyPages(where: string, maxPages: number): KnowledgeBaseError {
  return new KnowledgeBaseError(where, {
    nl: `meer dan ${maxPages} pagina's (kcc.maxPages)`,
    en: `more than ${maxPages} pages (kcc.maxPages)`,
  });
}

/** Why a request got no usable HTTP answer, from the error undici (or the guard) gave. */

/** Why there was no usable HTTP answer. */
export type HttpErrorCode =
  | 'dns'
  | 'refused'
  | 'tls'
  | 'timeout'
  | 'reset'
  | 'private-address'
  | 'redirect-loop'
  | 'too-many-redirects'
  | 'bad-redirect'
  | 'bad-url'
  | 'network';

export interface ClassifiedError {
  code: HttpErrorCode;
  /** `CODE: message` of the error, for logs and JSON output. */
  detail: string;
  /** The first error code on the way (e.g. `SELF_SIGNED_CERT_IN_CHAIN`), if any. */
  cause?: string;
}

/** Codes of an error and its causes. */
function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  let e: unknown = error;
  for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { code, name } = e as { code?: unknown; name?: unknown };
    if (typeof code === 'string') codes.push(code);
    if (typeof name === 'string') codes.push(name);
    e = (e as { cause?: unknown }).cause;
  }
  return codes;
}

const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|HOSTNAME_MISMATCH|ERR_OSSL_)/;

export function classifyError(error: unknown, timedOut = false): ClassifiedError {
  const codes = codesOf(error);
  const message = error instanceof Error ? error.message : String(error);
  const first = codes.find((c) => c !== 'Error');
  const detail = first ? `${first}: ${message}` : message;
  const has = (...names: string[]) => codes.some((c) => names.includes(c));
  let code: HttpErrorCode;
  if (has('EBRIEFLINT_PRIVATE')) code = 'private-address';
  else if (timedOut || has('UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT', 'TimeoutError')) code = 'timeout';
  else if (has('ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME', 'ENODATA')) code = 'dns';
  else if (has('ECONNREFUSED')) code = 'refused';
  else if (codes.some((c) => TLS_CODE.test(c)) || /\b(ssl|tls|certificate)\b/i.test(message)) code = 'tls';
  else if (has('ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_CLOSED')) code = 'reset';
  else if (has('ERR_INVALID_URL', 'UND_ERR_INVALID_ARG', 'InvalidArgumentError')) code = 'bad-url';
  else code = 'network';
  const cause = codes.find((c) => c !== 'Error' && !/Error$/.test(c));
  return { code, detail, ...(cause ? { cause } : {}) };
}

/**
 * What a forward proxy says went wrong on its side, from an answer it made itself (RFC 9209
 * `Proxy-Status: name; error=dns_error`, Squid's `X-Squid-Error: ERR_DNS_FAIL 0`): the target
 * host unknown or unreachable is not the target's 502 or 503. Undefined: the answer is the target's.
 */
export function proxyFailure(headers: Record<string, string>): ClassifiedError | undefined {
  const status = headers['proxy-status'] ?? '';
  const rfc = /;\s*error=("?)([a-z_]+)\1/i.exec(status)?.[2]?.toLowerCase();
  const squid = /^ERR_[A-Z_]+/.exec(headers['x-squid-error'] ?? '')?.[0];
  const what = rfc ?? squid;
  if (!what) return undefined;
  const detail = `proxy: ${rfc ? `Proxy-Status ${status.trim()}` : `X-Squid-Error ${headers['x-squid-error'].trim()}`}`;
  let code: HttpErrorCode = 'network';
  if (/^(dns_|destination_not_found)|^ERR_DNS_FAIL$/.test(what)) code = 'dns';
  else if (/^connection_refused$|^ERR_CONNECT_FAIL$/.test(what)) code = 'refused';
  else if (/timeout/i.test(what)) code = 'timeout';
  else if (/^tls_|^ERR_SECURE_CONNECT_FAIL$/.test(what)) code = 'tls';
  else if (/^(connection_terminated|proxy_internal_response|http_response_incomplete)$|^ERR_ZERO_SIZE_OBJECT$/.test(what)) code = 'reset';
  return { code, detail };
}

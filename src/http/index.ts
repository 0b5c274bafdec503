/** brieflint's one HTTP client for every outside call (see client.ts). */
export { HttpClient, retryable, charsetOf, textOf, defaultUserAgent } from './client.js';
export type { HttpClientOptions, GetOptions, Credentials, Hop, HopAnswer, HttpAnswer, AttemptEvent } from './client.js';
export { classifyError, proxyFailure, type HttpErrorCode, type ClassifiedError } from './errors.js';
export { isPrivateAddress, isLoopbackHost, isLocalName, PrivateAddressError } from './address.js';
export { parseConnectTo, matchConnectTo, type ConnectToRule } from './connect-to.js';
export { proxyFromEnv, ProxyError, type ProxySettings } from './proxy.js';
export { RequestLimits, mapLimit } from './limits.js';
export { readCa, caEntries, CaError } from './ca.js';

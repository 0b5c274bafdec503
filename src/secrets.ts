/**
 * Credentials in URLs (`https://user:password@host/`, or `user:password@host` where a host name is
 * expected): found anywhere in the config so it can be refused with the key named, and redacted
 * from any text that might repeat one. Secrets come only from environment variables (kcc.tokenEnv,
 * kcc.authEnv, forms.tokenEnv); the config file holds none, and no message ever repeats one.
 */
import type { Message } from './types.js';

/** `scheme://userinfo@`: the authority of a hierarchical URL with a user name (and password). */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@\\]+@/gi;
/**
 * `user:password@host` written where a host name is expected (a forms host entry): a word, a
 * colon, a password, `@`, a host. Not `mailto:a@b` and the like, and not an e-mail address (no
 * colon). A whole value of this form holds credentials; in a message it is redacted wherever it
 * stands after a blank or a quote.
 */
const BARE_ENTRY = /^(?!(?:mailto|tel|sms|urn|news|data|javascript):)[^\s/?#@:"'\\]+:[^\s/?#@\\]*@[a-z0-9[][^\s/?#@]*(?:[:/?#]\S*)?$/i;
const BARE_USERINFO = /(^|[\s"'(<[,])(?!(?:mailto|tel|sms|urn|news|data|javascript):)[^\s/?#@:"'(<[,\\]+:[^\s/?#@\\]*@(?=[a-z0-9[])/gi;

/** True when the text holds a URL with a user name or password, or is a host entry with them. */
export function hasCredentials(text: string): boolean {
  URL_USERINFO.lastIndex = 0;
  return URL_USERINFO.test(text) || BARE_ENTRY.test(text.trim());
}

/** The text with every user name and password of a URL replaced by `***`. */
export function redactCredentials(text: string): string {
  return text.replace(URL_USERINFO, '$1***@').replace(BARE_USERINFO, '$1***@');
}

/**
 * The key (`forms.openFormsHosts[0]`, `site.remap[1].replacement`) of the first string in a
 * parsed config (or config section) that holds credentials; undefined when none does. Keys that
 * hold credentials count too.
 */
export function findCredentials(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return hasCredentials(value) ? path || '(top level)' : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findCredentials(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (hasCredentials(key)) return at;
      const found = findCredentials(child, at);
      if (found) return found;
    }
  }
  return undefined;
}

/** Why a key with credentials is refused; the value itself is never repeated. */
export function credentialsMessage(key: string): Message {
  return {
    nl: `sleutel "${key}" bevat een gebruikersnaam of wachtwoord in een URL (hier niet herhaald); zet geen geheimen in het configuratiebestand: zet ze in een omgevingsvariabele en noem die in kcc.tokenEnv, kcc.authEnv of forms.tokenEnv`,
    en: `key "${key}" contains a user name or password in a URL (not repeated here); keep secrets out of the config file: put them in an environment variable and name it in kcc.tokenEnv, kcc.authEnv or forms.tokenEnv`,
  };
}

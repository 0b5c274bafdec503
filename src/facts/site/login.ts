/**
 * Login walls: where a site sends a resident to log in. The checker never follows into them.
 */
import { onDomain } from '../../model/url.js';
import type { LoginProvider } from './types.js';

/** Hosts of DigiD, eHerkenning and eIDAS (brokers included). */
export function identityProviderOf(host: string): LoginProvider | undefined {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (onDomain(h, ['digid.nl'])) return 'digid';
  if (/(^|[.-])eherkenning([.-]|$)/.test(h) || onDomain(h, ['eherkenning.nl'])) return 'eherkenning';
  // Known eHerkenning brokers that do not say so in their host name.
  if (onDomain(h, ['connectis.nl', 'signicat.com', 'z-login.nl', 'eh.kpn.com', 'ehrk.kpn.com', 'inloggen.eherkenning.nl'])) {
    return 'eherkenning';
  }
  if (/(^|[.-])eidas([.-]|$)/.test(h)) return 'eidas';
  return undefined;
}

const LOGIN_PATH = /(^|\/)(log-?in|inloggen|aanmelden|sign-?in|signon|sso|auth|authenticate|authorize|oauth2?|saml2?|openid-connect)(\/|$|\.)/i;

/**
 * Is `target` (a redirect Location, absolute) a login wall? Returns the provider, or undefined
 * for an ordinary redirect. With `loose`, any login-looking path counts (for 401/403 answers).
 */
export function loginWallOf(target: URL, loose = false): LoginProvider | undefined {
  const idp = identityProviderOf(target.hostname);
  if (idp) return idp;
  const q = target.searchParams;
  if (q.has('SAMLRequest')) return 'saml';
  if (q.has('client_id') && (/\/(authorize|auth)\/?$/i.test(target.pathname) || q.has('response_type'))) return 'oidc';
  if (loose && (LOGIN_PATH.test(target.pathname) || q.has('returnUrl') || q.has('ReturnUrl') || q.has('redirect_uri'))) {
    return 'login';
  }
  return undefined;
}

/** Is `host` one of `domains` or a subdomain of one? Case-insensitive, ignores a trailing dot. */
export function onDomain(host: string, domains: readonly string[]): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return domains.some((d) => h === d || h.endsWith(`.${d}`));
}

/** The host of an absolute URL, or undefined. */
export function hostOf(href: string): string | undefined {
  try {
    return new URL(href).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** Strip credentials from a URL before it appears in a message. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.username || u.password) {
      u.username = '';
      u.password = '';
    }
    return u.toString();
  } catch {
    return url.replace(/\/\/[^/@]*@/, '//');
  }
}

import { AttestError } from '../../errors.js';

/**
 * Where and how to read a directory: everything about a pull but the password. The defaults
 * suit both Active Directory and OpenLDAP.
 */
export interface LdapSettings {
  /** ldap://host[:port] or ldaps://host[:port]. */
  url: string;
  /** Simple bind as this DN; undefined binds anonymously. */
  bindDn: string | undefined;
  userBase: string;
  groupBase: string;
  userFilter: string;
  groupFilter: string;
  /** Upgrade an ldap:// connection with StartTLS before binding. */
  startTls: boolean;
  /** PEM file of the CA (or CAs) that signed the server's certificate; default: the system's trust store. */
  caFile: string | undefined;
}

/** People in AD (user, not computer) and OpenLDAP (inetOrgPerson, posixAccount). */
export const DEFAULT_USER_FILTER = '(&(|(objectClass=user)(objectClass=inetOrgPerson)(objectClass=posixAccount))(!(objectClass=computer)))';
export const DEFAULT_GROUP_FILTER = '(|(objectClass=group)(objectClass=groupOfNames)(objectClass=groupOfUniqueNames)(objectClass=posixGroup))';

export interface LdapEndpoint {
  secure: boolean;
  host: string;
  port: number;
  /** scheme://host:port, the form provenance records. */
  url: string;
}

/** Reads an LDAP URL: a scheme, a host and an optional port; nothing else (bases and filters are separate options). */
export function parseLdapUrl(text: string): LdapEndpoint {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new AttestError('USAGE', `--url "${text}" is not a URL. Give the server as ldap://host[:port] or ldaps://host[:port].`);
  }
  const scheme = url.protocol.slice(0, -1).toLowerCase();
  if (scheme !== 'ldap' && scheme !== 'ldaps') throw new AttestError('USAGE', `--url "${text}" is not an LDAP URL. Give the server as ldap://host[:port] or ldaps://host[:port].`);
  if (url.hostname === '') throw new AttestError('USAGE', `--url "${text}" names no host. Give the server as ldap://host[:port] or ldaps://host[:port].`);
  if ((url.pathname !== '' && url.pathname !== '/') || url.search !== '' || url.username !== '' || url.password !== '') {
    throw new AttestError('USAGE', `--url "${text}" holds more than a server. Give only ldap://host[:port]; set the base with --base and the filters with --user-filter and --group-filter.`);
  }
  const secure = scheme === 'ldaps';
  const port = url.port === '' ? (secure ? 636 : 389) : Number(url.port);
  return { secure, host: url.hostname.replace(/^\[|\]$/g, ''), port, url: `${scheme}://${url.hostname}:${port}` };
}

/** RFC 4516's form of one search, `ldap://host:port/base??sub?filter`: what a snapshot's source is named. */
export function searchUrl(endpoint: LdapEndpoint, base: string, filter: string): string {
  // A DN's commas and a filter's parentheses may stay as they are; `?` separates the URL's parts.
  const encode = (text: string): string => encodeURI(text).replace(/\?/g, '%3F');
  return `${endpoint.url}/${encode(base)}??sub?${encode(filter)}`;
}

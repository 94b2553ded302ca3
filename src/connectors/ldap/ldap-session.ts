import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import { Client } from 'ldapts';
import { AttestError } from '../../errors.js';
import { ldapFailure } from './ldap-errors.js';
import type { LdapEndpoint, LdapSettings } from './ldap-settings.js';

/** How long to wait for the TCP (and TLS) connection, and for any one operation's answer. */
const CONNECT_TIMEOUT_MS = 10_000;
const OPERATION_TIMEOUT_MS = 120_000;

function readCa(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new AttestError('FILE_NOT_FOUND', `Cannot read the CA file ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'}). Give a PEM file with the CA certificate that signed the server's.`);
  }
}

/** Certificate checks are always on: the CA file adds trust anchors, it never turns verification off. */
function tlsOptions(endpoint: LdapEndpoint, caFile: string | undefined): ConnectionOptions {
  return {
    host: endpoint.host,
    // SNI takes a host name, never an address.
    ...(isIP(endpoint.host) === 0 ? { servername: endpoint.host } : {}),
    rejectUnauthorized: true,
    minVersion: 'TLSv1.2',
    ...(caFile === undefined ? {} : { ca: readCa(caFile) }),
  };
}

/**
 * Connects (ldaps://, or ldap:// upgraded with StartTLS when asked), binds, and hands the client
 * to `work`; the connection is closed afterwards whatever happens. Aborting `signal` closes the
 * connection, so a pending operation fails at once.
 */
export async function withLdapSession<T>(settings: LdapSettings, endpoint: LdapEndpoint, password: string | undefined, signal: AbortSignal | undefined, work: (client: Client) => Promise<T>): Promise<T> {
  const tls = endpoint.secure || settings.startTls ? tlsOptions(endpoint, settings.caFile) : undefined;
  const client = new Client({ url: `${endpoint.secure ? 'ldaps' : 'ldap'}://${endpoint.host.includes(':') ? `[${endpoint.host}]` : endpoint.host}:${endpoint.port}`, connectTimeout: CONNECT_TIMEOUT_MS, timeout: OPERATION_TIMEOUT_MS, ...(endpoint.secure ? { tlsOptions: tls } : {}) });
  const close = (): void => void client.unbind().catch(() => undefined);
  signal?.addEventListener('abort', close, { once: true });
  try {
    if (settings.startTls) {
      try {
        await client.startTLS(tls);
      } catch (error) {
        throw ldapFailure(error, 'connect', endpoint.url);
      }
    }
    if (settings.bindDn !== undefined) {
      try {
        await client.bind(settings.bindDn, password ?? '');
      } catch (error) {
        throw ldapFailure(error, 'bind', endpoint.url, { bindDn: settings.bindDn });
      }
    }
    return await work(client);
  } catch (error) {
    if (signal?.aborted) throw new AttestError('CANCELLED', 'The pull was cancelled; nothing was imported.');
    throw error;
  } finally {
    signal?.removeEventListener('abort', close);
    await client.unbind().catch(() => undefined);
  }
}

import { InvalidCredentialsError, InvalidDNSyntaxError, NoSuchObjectError, ResultCodeError } from 'ldapts';
import { AttestError } from '../../errors.js';

/** OpenSSL's verdicts on a certificate chain that Node passes on as error codes. */
const UNTRUSTED_CERTIFICATE = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'EPIPE']);

export type LdapStep = 'connect' | 'bind' | 'search';

/**
 * What went wrong talking to the server, as a coded error with what to do. `step` says what was
 * being done; `server` is the URL (never the password, which no message carries).
 */
export function ldapFailure(error: unknown, step: LdapStep, server: string, detail: { bindDn?: string | undefined; base?: string | undefined } = {}): AttestError {
  if (error instanceof AttestError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = (error as Error | undefined)?.message ?? String(error);
  if (typeof code === 'string' && UNTRUSTED_CERTIFICATE.has(code)) {
    return new AttestError('TLS_UNTRUSTED', `The certificate of ${server} is not trusted (${code}). Give the CA certificate that signed it with --ca-file FILE (PEM), and check that the URL's host name is the one in the certificate.`, { cause: error });
  }
  if (error instanceof InvalidCredentialsError) {
    return new AttestError('AUTH_FAILED', `${server} refused the bind DN or password${detail.bindDn ? ` for ${detail.bindDn}` : ''}. Check both (the password comes from ATTEST_LDAP_PASSWORD or the prompt).`, { cause: error });
  }
  if (error instanceof InvalidDNSyntaxError && step === 'bind') {
    return new AttestError('AUTH_FAILED', `${server} says the bind DN "${detail.bindDn ?? ''}" is not a valid DN. Give the full DN (cn=reader,dc=example,dc=org) or, for AD, user@domain.`, { cause: error });
  }
  if (error instanceof NoSuchObjectError && step === 'search') {
    // Servers also answer so when the bind may not read the base: say both.
    return new AttestError('SEARCH_FAILED', `${server} has no entry "${detail.base ?? ''}" that ${detail.bindDn ?? 'an anonymous bind'} may read. Check --base (or --user-base / --group-base) and what the bind DN may read.`, { cause: error });
  }
  if (error instanceof ResultCodeError) {
    if (step === 'connect') {
      return new AttestError('CONNECTION_FAILED', `${server} refused StartTLS (LDAP result ${error.code}: ${message}). Use ldaps:// instead, or check the server's TLS set-up.`, { cause: error });
    }
    const encryption = error.code === 8 || error.code === 13;
    const fix = encryption
      ? 'The server wants an encrypted connection: use ldaps:// or --starttls.'
      : step === 'bind'
        ? 'Check the bind DN and password, and that the account may bind.'
        : 'Check the base, the filters and what the bind account may read.';
    const what = step === 'bind' ? 'bind' : `search under "${detail.base ?? ''}"`;
    return new AttestError(step === 'bind' ? 'AUTH_FAILED' : 'SEARCH_FAILED', `${server} refused the ${what} (LDAP result ${error.code}: ${message}). ${fix}`, { cause: error });
  }
  if (typeof code === 'string' && UNREACHABLE.has(code)) {
    return new AttestError('CONNECTION_FAILED', `Cannot reach the LDAP server ${server} (${code}). Check the URL and port, and that the server is running and reachable from here.`, { cause: error });
  }
  if (/timeout/i.test(message)) {
    return new AttestError('CONNECTION_FAILED', `${server} did not answer in time (${message}). Check the URL and port, and the network between here and the server.`, { cause: error });
  }
  if (typeof code === 'string' && (code.startsWith('ERR_SSL') || code === 'EPROTO' || code.startsWith('ERR_TLS'))) {
    return new AttestError('CONNECTION_FAILED', `The TLS handshake with ${server} failed (${code}). Check that the port speaks ldaps:// (usually 636), or use ldap:// with --starttls.`, { cause: error });
  }
  return new AttestError('CONNECTION_FAILED', `The connection to ${server} failed while trying to ${step} (${message.split('\n')[0] ?? ''}). Check the URL and that the server is reachable.`, { cause: error });
}

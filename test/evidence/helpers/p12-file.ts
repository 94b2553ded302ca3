import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * An organisation's PKCS#12 made by openssl, as an IT department would hand it over: a key
 * (RSA, or EC to show the refusal) and a certificate, under a passphrase.
 */
export function opensslP12(dir: string, options: { key: 'rsa' | 'ec'; passphrase: string; name?: string }): string {
  const name = options.name ?? `org-${options.key}`;
  const key = join(dir, `${name}.key`);
  const cert = join(dir, `${name}.crt`);
  const p12 = join(dir, `${name}.p12`);
  const newkey = options.key === 'rsa' ? ['-newkey', 'rsa:2048'] : ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1'];
  execFileSync('openssl', ['req', '-x509', ...newkey, '-nodes', '-keyout', key, '-out', cert, '-days', '30', '-subj', '/CN=Acme Audit Signing/O=Acme Audit Ltd'], { stdio: 'ignore' });
  execFileSync('openssl', ['pkcs12', '-export', '-inkey', key, '-in', cert, '-out', p12, '-passout', `pass:${options.passphrase}`, '-keypbe', 'AES-256-CBC', '-certpbe', 'AES-256-CBC', '-macalg', 'sha256'], { stdio: 'ignore' });
  return p12;
}

import { createPrivateKey, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { AttestError } from '../errors.js';
import type { KeyAndCertificate } from './self-signed-certificate.js';

function bagsOf(p12: forge.pkcs12.Pkcs12Pfx, type: string): forge.pkcs12.Bag[] {
  return p12.getBags({ bagType: type })[type] ?? [];
}

/**
 * Reads an organisation's PKCS#12 file: one RSA private key and the certificate that matches it
 * (first), with any chain after it. Every way it can be wrong has its own code.
 */
export function readPkcs12(bytes: Buffer, passphrase: string, name: string): KeyAndCertificate {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.createBuffer(bytes.toString('binary'))), false, passphrase);
  } catch (error) {
    const message = (error as Error).message ?? '';
    if (/mac|password|invalid.*decrypt|pkcs#12 mac/i.test(message)) {
      throw new AttestError('P12_WRONG_PASSPHRASE', `The passphrase does not open ${name}. Check the PKCS#12 passphrase file and try again.`);
    }
    throw new AttestError('P12_INVALID', `${name} is not a PKCS#12 (.p12/.pfx) file Attest can read (${message.slice(0, 120)}). Export the signing certificate with its private key as PKCS#12.`);
  }
  const keys = [...bagsOf(p12, forge.pki.oids.pkcs8ShroudedKeyBag!), ...bagsOf(p12, forge.pki.oids.keyBag!)];
  const certs = bagsOf(p12, forge.pki.oids.certBag!);
  // forge reads RSA keys only: any other key type arrives without a key object.
  const key = keys[0]?.key;
  if (keys.length === 0) throw new AttestError('P12_INVALID', `${name} holds no private key. Export the certificate together with its private key.`);
  if (!key || certs.some((c) => !c.cert)) {
    throw new AttestError('P12_NOT_RSA', `${name} holds a key or certificate that is not RSA (an EC key, for instance). PDF signing here needs an RSA key: ask for an RSA signing certificate.`);
  }
  const matching = certs.filter((c) => c.cert && (c.cert.publicKey as forge.pki.rsa.PublicKey).n.equals(key.n));
  const leaf = matching[0]?.cert;
  if (!leaf) throw new AttestError('P12_INVALID', `${name} holds no certificate matching its private key. Export the certificate together with its own private key.`);
  const chain = certs.map((c) => c.cert!).filter((c) => c !== leaf);
  const keyPem = createPrivateKey(forge.pki.privateKeyToPem(key)).export({ type: 'pkcs8', format: 'pem' }) as string;
  const certificatePems = [leaf, ...chain].map((c) => forge.pki.certificateToPem(c));
  // node:crypto must read them too (verification uses it).
  for (const pem of certificatePems) new X509Certificate(pem);
  return { keyPem, certificatePems };
}

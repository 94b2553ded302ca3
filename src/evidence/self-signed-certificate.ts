import { createPrivateKey, createPublicKey, generateKeyPair, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';

const generateRsaKeyPair = promisify(generateKeyPair);

/** Years a workspace's own certificate is valid: it signs packs for the life of the workspace. */
const VALID_YEARS = 20;

export interface KeyAndCertificate {
  /** PKCS#8 PEM. */
  keyPem: string;
  /** PEM, the signer's own certificate first, then any chain. */
  certificatePems: string[];
}

function utf8Attribute(name: string, value: string): forge.pki.CertificateField {
  return { name, value, valueTagClass: forge.asn1.Type.UTF8 } as unknown as forge.pki.CertificateField;
}

/**
 * A fresh RSA-3072 key pair and a self-signed certificate naming the organisation and the
 * workspace. The key is made by node:crypto off the event loop (0.1–1.5 s here); forge only
 * assembles and signs the certificate (~0.1 s).
 */
export async function makeSelfSignedIdentity(subject: { org: string; workspaceId: string }, now = new Date()): Promise<KeyAndCertificate> {
  const { privateKey } = await generateRsaKeyPair('rsa', { modulusLength: 3072 });
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }) as string);
  // A positive serial: the high bit cleared.
  const serial = randomBytes(16);
  serial[0] = serial[0]! & 0x7f;
  cert.serialNumber = serial.toString('hex');
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  cert.validity.notAfter = new Date(now.getTime());
  cert.validity.notAfter.setUTCFullYear(now.getUTCFullYear() + VALID_YEARS);
  const names = [
    utf8Attribute('commonName', `Attest evidence signer (workspace ${subject.workspaceId})`),
    ...(subject.org.trim() === '' ? [] : [utf8Attribute('organizationName', subject.org.trim())]),
    utf8Attribute('organizationalUnitName', 'Attest workspace signing identity'),
  ];
  cert.setSubject(names);
  cert.setIssuer(names);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  const forgeKey = forge.pki.privateKeyFromPem(createPrivateKey(keyPem).export({ type: 'pkcs1', format: 'pem' }) as string);
  cert.sign(forgeKey, forge.md.sha256.create());
  return { keyPem, certificatePems: [forge.pki.certificateToPem(cert)] };
}

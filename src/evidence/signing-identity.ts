import { createHash, X509Certificate } from 'node:crypto';
import type { Workspace } from '../store/workspace.js';
import { makeSelfSignedIdentity, type KeyAndCertificate } from './self-signed-certificate.js';

/** Where the workspace's signing identity came from. */
export type SignerSource = 'workspace' | 'imported';

export interface SignerDescription {
  /** SHA-256 of the signer certificate's DER, lowercase hex: what the pack's cover and `attest verify` print. */
  fingerprintSha256: string;
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  selfSigned: boolean;
}

export interface SigningIdentity extends KeyAndCertificate, SignerDescription {
  source: SignerSource;
}

// The identity lives in `meta`, inside the encrypted workspace: no table of its own is needed.
const KEY = 'signer_key_pem';
const CERTIFICATES = 'signer_certificates';
const FINGERPRINT = 'signer_fingerprint_sha256';
const SOURCE = 'signer_source';

/** One line, the way people read a distinguished name: `CN=…, O=…`. */
function oneLine(name: string): string {
  return name.split('\n').filter(Boolean).join(', ');
}

export function describeCertificate(pemOrDer: string | Buffer): SignerDescription {
  const cert = new X509Certificate(pemOrDer);
  return {
    fingerprintSha256: createHash('sha256').update(cert.raw).digest('hex'),
    subject: oneLine(cert.subject),
    issuer: oneLine(cert.issuer),
    serialNumber: cert.serialNumber.toLowerCase(),
    notBefore: new Date(cert.validFrom).toISOString(),
    notAfter: new Date(cert.validTo).toISOString(),
    selfSigned: cert.subject === cert.issuer && cert.verify(cert.publicKey),
  };
}

/** The workspace's signing identity, or null when none has been made or imported yet. */
export function readSigningIdentity(ws: Workspace): SigningIdentity | null {
  const keyPem = ws.getMeta(KEY);
  const certificates = ws.getMeta(CERTIFICATES);
  if (keyPem === null || certificates === null) return null;
  const certificatePems = JSON.parse(certificates) as string[];
  return { keyPem, certificatePems, ...describeCertificate(certificatePems[0]!), source: (ws.getMeta(SOURCE) ?? 'workspace') as SignerSource };
}

function storeIdentity(ws: Workspace, operator: string, action: string, identity: KeyAndCertificate, source: SignerSource, replaced: string | null): SigningIdentity {
  const description = describeCertificate(identity.certificatePems[0]!);
  ws.change(
    operator,
    action,
    () => {
      ws.setMeta(KEY, identity.keyPem);
      ws.setMeta(CERTIFICATES, JSON.stringify(identity.certificatePems));
      ws.setMeta(FINGERPRINT, description.fingerprintSha256);
      ws.setMeta(SOURCE, source);
    },
    () => ({ fingerprintSha256: description.fingerprintSha256, subject: description.subject, source, replaced }),
  );
  return { ...identity, ...description, source };
}

/**
 * Makes the workspace's own key pair and self-signed certificate (RSA 3072), stores it in the
 * workspace and records it in the audit trail. Called when a workspace is created, and on first
 * use by a workspace made before signing identities existed.
 */
export async function createSigningIdentity(ws: Workspace, operator: string): Promise<SigningIdentity> {
  const made = await makeSelfSignedIdentity({ org: ws.getMeta('org') ?? '', workspaceId: ws.getMeta('workspace_id') ?? '' });
  // Another call may have finished first while the key was being made.
  return readSigningIdentity(ws) ?? storeIdentity(ws, operator, 'signer.created', made, 'workspace', null);
}

export async function ensureSigningIdentity(ws: Workspace, operator: string): Promise<SigningIdentity> {
  return readSigningIdentity(ws) ?? createSigningIdentity(ws, operator);
}

/** Replaces the signing identity with an organisation's (read from its PKCS#12 by the caller). */
export function importSigningIdentity(ws: Workspace, operator: string, identity: KeyAndCertificate): SigningIdentity {
  return storeIdentity(ws, operator, 'signer.imported', identity, 'imported', ws.getMeta(FINGERPRINT));
}

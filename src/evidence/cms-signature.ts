import { createHash, verify as verifySignature, X509Certificate } from 'node:crypto';
import forge from 'node-forge';

/**
 * Checks a detached CMS (PKCS#7) signature as a PDF carries it: the message digest over the
 * signed bytes, and the signer's RSA signature over the signed attributes. forge only splits
 * the ASN.1; hashing and RSA verification are node:crypto's.
 */
export interface CmsCheck {
  /** Why it does not hold, or null. */
  problem: string | null;
  /** The certificate that signed (DER), when one could be found. */
  signer: X509Certificate | null;
  signingTime: Date | null;
  digestAlgorithm: string | null;
}

export const OID = {
  signedData: '1.2.840.113549.1.7.2',
  data: '1.2.840.113549.1.7.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  rsaEncryption: '1.2.840.113549.1.1.1',
};
const DIGESTS: Record<string, string> = {
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};
const RSA_WITH: Record<string, string> = { '1.2.840.113549.1.1.11': 'sha256', '1.2.840.113549.1.1.12': 'sha384', '1.2.840.113549.1.1.13': 'sha512' };

type Node = forge.asn1.Asn1;

function children(node: Node | undefined): Node[] {
  return Array.isArray(node?.value) ? node.value : [];
}
function oidOf(node: Node | undefined): string | null {
  return node && node.type === forge.asn1.Type.OID && typeof node.value === 'string' ? forge.asn1.derToOid(node.value) : null;
}
function bytesOf(node: Node | undefined): Buffer {
  return node && typeof node.value === 'string' ? Buffer.from(node.value, 'binary') : Buffer.alloc(0);
}
/** An implicit [0]: the certificates of SignedData, the signed attributes of a SignerInfo. */
function isContextZero(node: Node): boolean {
  return node.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && (node.type as number) === 0;
}
function der(node: Node): Buffer {
  return Buffer.from(forge.asn1.toDer(node).getBytes(), 'binary');
}

/** The DER value's own length (the PDF pads /Contents with zeros after it). */
export function derLength(bytes: Buffer): number {
  if (bytes.length < 2 || bytes[0] !== 0x30) return 0;
  const first = bytes[1]!;
  if (first < 0x80) return 2 + first;
  const n = first & 0x7f;
  if (n === 0 || n > 4 || bytes.length < 2 + n) return 0;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + bytes[2 + i]!;
  return 2 + n + len;
}

function fail(problem: string, signer: X509Certificate | null = null, signingTime: Date | null = null, digestAlgorithm: string | null = null): CmsCheck {
  return { problem, signer, signingTime, digestAlgorithm };
}

/** `contents`: the signature bytes; `signed`: the bytes the byte range covers, in order. */
export function checkCmsSignature(contents: Buffer, signed: readonly Buffer[]): CmsCheck {
  const length = derLength(contents);
  if (length === 0 || length > contents.length) return fail('the signature is not a DER-encoded CMS structure');
  if (contents.subarray(length).some((b) => b !== 0)) return fail('there are bytes after the CMS structure in the signature field');
  let root: Node;
  try {
    root = forge.asn1.fromDer(forge.util.createBuffer(contents.subarray(0, length).toString('binary')), { strict: true, parseAllBytes: true, decodeBitStrings: false } as unknown as boolean);
  } catch (error) {
    return fail(`the CMS structure cannot be parsed (${(error as Error).message})`);
  }
  const [contentType, explicit] = children(root);
  if (oidOf(contentType) !== OID.signedData) return fail('the signature is not CMS SignedData');
  const signedData = children(explicit)[0];
  const parts = children(signedData);
  const certNodes = children(parts.find((p) => isContextZero(p)));
  const signerInfos = children(parts[parts.length - 1]);
  if (signerInfos.length !== 1) return fail(`the signature has ${signerInfos.length} signers, not one`);
  const info = children(signerInfos[0]);
  const [, sid, digestAlg, signedAttrs, sigAlg, signatureValue] = info;
  const certificates = certNodes.flatMap((node) => {
    try {
      return [new X509Certificate(der(node))];
    } catch {
      return [];
    }
  });
  // issuerAndSerialNumber: pick the certificate it names.
  const sidParts = children(sid);
  const serial = bytesOf(sidParts[1]).toString('hex').replace(/^0+/, '');
  const signer = certificates.find((c) => c.serialNumber.toLowerCase().replace(/^0+/, '') === serial && Buffer.compare(der(sidParts[0]!), derIssuer(c)) === 0) ?? null;
  if (!signer) return fail('the signer certificate is not in the signature');
  const digestAlgorithm = DIGESTS[oidOf(children(digestAlg)[0]) ?? ''] ?? null;
  if (!digestAlgorithm) return fail('the signature uses a digest other than SHA-256/384/512', signer);
  if (!signedAttrs || !isContextZero(signedAttrs)) return fail('the signature has no signed attributes', signer);
  const attributes = new Map<string, Node | undefined>();
  for (const attr of children(signedAttrs)) {
    const [type, values] = children(attr);
    attributes.set(oidOf(type) ?? '', children(values)[0]);
  }
  const timeNode = attributes.get(OID.signingTime);
  const signingTime = timeNode && typeof timeNode.value === 'string' ? (timeNode.type === forge.asn1.Type.UTCTIME ? forge.asn1.utcTimeToDate(timeNode.value) : forge.asn1.generalizedTimeToDate(timeNode.value)) : null;
  if (oidOf(attributes.get(OID.contentType)) !== OID.data) return fail('the signed attributes do not name the content type "data"', signer, signingTime, digestAlgorithm);
  const hash = createHash(digestAlgorithm);
  for (const part of signed) hash.update(part);
  if (!hash.digest().equals(bytesOf(attributes.get(OID.messageDigest)))) return fail('digest mismatch: the signed bytes changed after signing', signer, signingTime, digestAlgorithm);
  const sigOid = oidOf(children(sigAlg)[0]) ?? '';
  if (sigOid !== OID.rsaEncryption && RSA_WITH[sigOid] !== digestAlgorithm) return fail('the signature algorithm is not RSA with the stated digest', signer, signingTime, digestAlgorithm);
  // The signature covers the attributes DER-encoded as a SET, not with their [0] tag.
  const asSet = der(forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, children(signedAttrs)));
  const ok = verifySignature(digestAlgorithm, asSet, signer.publicKey, bytesOf(signatureValue));
  return ok ? { problem: null, signer, signingTime, digestAlgorithm } : fail('the RSA signature does not verify with the signer certificate', signer, signingTime, digestAlgorithm);
}

/** The certificate's issuer Name, DER-encoded (tbsCertificate field 4, after the optional version). */
function derIssuer(cert: X509Certificate): Buffer {
  const tbs = children(forge.asn1.fromDer(forge.util.createBuffer(cert.raw.toString('binary'))))[0];
  const fields = children(tbs);
  const offset = fields[0]?.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  return der(fields[offset + 2]!);
}

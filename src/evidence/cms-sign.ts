import { sign } from 'node:crypto';
import forge from 'node-forge';
import { OID } from './cms-signature.js';
import type { KeyAndCertificate } from './self-signed-certificate.js';

const { asn1 } = forge;
type Node = forge.asn1.Asn1;
const SHA256 = '2.16.840.1.101.3.4.2.1';

const seq = (items: Node[]): Node => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, items);
const set = (items: Node[]): Node => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, items);
const oid = (value: string): Node => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(value).getBytes());
const octets = (bytes: Buffer): Node => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, bytes.toString('binary'));
const one = (): Node => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(1).getBytes());
const algorithm = (value: string): Node => seq([oid(value), asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, '')]);
const attribute = (type: string, value: Node): Node => seq([oid(type), set([value])]);
const der = (node: Node): Buffer => Buffer.from(asn1.toDer(node).getBytes(), 'binary');

/** The issuer and serial number of a certificate, as it encodes them (no re-encoding). */
function issuerAndSerial(certificate: Node): Node {
  const tbs = (certificate.value as Node[])[0]!.value as Node[];
  const at = tbs[0]!.tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  return seq([tbs[at + 2]!, tbs[at]!]);
}

/**
 * A detached CMS SignedData (what a PDF's adbe.pkcs7.detached /Contents holds) over bytes whose
 * SHA-256 the caller computed by streaming them: signed attributes content type, signing time
 * and message digest (in DER order), RSA PKCS#1 v1.5 with SHA-256 by node:crypto, and the
 * certificate chain. forge only assembles the ASN.1.
 */
export function detachedCms(digest: Buffer, signingTime: Date, identity: KeyAndCertificate): Buffer {
  const certificates = identity.certificatePems.map((pem) => asn1.fromDer(forge.pem.decode(pem)[0]!.body));
  const attributes = [
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.signingTime, asn1.create(asn1.Class.UNIVERSAL, asn1.Type.UTCTIME, false, asn1.dateToUtcTime(signingTime))),
    attribute(OID.messageDigest, octets(digest)),
  ];
  // The signature covers the attributes encoded as a SET; the SignerInfo carries them as [0].
  const signature = sign('sha256', der(set(attributes)), identity.keyPem);
  const signerInfo = seq([
    one(),
    issuerAndSerial(certificates[0]!),
    algorithm(SHA256),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, attributes),
    algorithm(OID.rsaEncryption),
    octets(signature),
  ]);
  const signedData = seq([one(), set([algorithm(SHA256)]), seq([oid(OID.data)]), asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, certificates), set([signerInfo])]);
  return der(seq([oid(OID.signedData), asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData])]));
}

import { SignPdf } from '@signpdf/signpdf';
import { P12Signer } from '@signpdf/signer-p12';

/**
 * Room for the CMS signature in /Contents: the certificates travel inside it, so an
 * organisation's chain needs more than the 8 KB default.
 */
export function signatureLengthFor(certificatePems: readonly string[]): number {
  const certBytes = certificatePems.reduce((sum, pem) => sum + Math.ceil((pem.replace(/-----[^-]+-----|\s/g, '').length * 3) / 4), 0);
  return Math.max(8192, certBytes + 4096);
}

/**
 * Signs a pdfkit document that carries a placeholder: @signpdf computes the byte range (the
 * whole file but the placeholder) and P12Signer makes the detached CMS with `signingTime` as
 * its signing-time attribute, the instant the placeholder put in /M.
 */
export async function signPdf(unsigned: Buffer, p12: { bytes: Buffer; passphrase: string }, signingTime: Date): Promise<Buffer> {
  const signer = new P12Signer(p12.bytes, { passphrase: p12.passphrase });
  return new SignPdf().sign(unsigned, signer, signingTime);
}

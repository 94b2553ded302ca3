import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { AttestError } from '../errors.js';
import type { Workspace } from '../store/workspace.js';
import { readPkcs12 } from './pkcs12.js';
import { ensureSigningIdentity, importSigningIdentity, type SigningIdentity } from './signing-identity.js';

function shown(identity: SigningIdentity) {
  const { keyPem: _key, certificatePems, ...description } = identity;
  return { ...description, certificatePem: certificatePems.join('') };
}

export async function showSigner(ws: Workspace, operator: string) {
  return shown(await ensureSigningIdentity(ws, operator));
}

/** Reads an organisation's PKCS#12 and makes it the workspace's signing identity (audited). */
export function importSignerFile(ws: Workspace, path: string, passphrase: string, operator: string) {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new AttestError('FILE_NOT_FOUND', `Cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'}). Check the path.`);
  }
  return shown(importSigningIdentity(ws, operator, readPkcs12(bytes, passphrase, basename(path))));
}

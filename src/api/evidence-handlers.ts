import { generateEvidencePack } from '../evidence/generate-pack-file.js';
import { importSignerFile, showSigner } from '../evidence/signer-file.js';
import { verifyPackBytes, verifyPackFile } from '../evidence/verify-pack.js';
import type { Handlers } from './handlers.js';

/** The evidence operations' implementations, spread into the handler table. */
export const evidenceHandlers: Pick<Handlers, 'evidence.generate' | 'evidence.verify' | 'evidence.verifyBytes' | 'signer.show' | 'signer.import'> = {
  'evidence.generate': (input, { session, onProgress, signal }) => generateEvidencePack(session.workspace, { ...input, operator: session.operator }, { onProgress, signal }),
  'evidence.verify': ({ path }) => verifyPackFile(path),
  'evidence.verifyBytes': ({ base64 }) => verifyPackBytes(Buffer.from(base64, 'base64')),
  'signer.show': (_input, { session }) => showSigner(session.workspace, session.operator),
  'signer.import': ({ path, passphrase }, { session }) => importSignerFile(session.workspace, path, passphrase, session.operator),
};

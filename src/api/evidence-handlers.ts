import { generateEvidencePack } from '../evidence/generate-pack-file.js';
import { importSignerFile, showSigner } from '../evidence/signer-file.js';
import { verifyPackFile } from '../evidence/verify-pack.js';
import type { Handlers } from './handlers.js';

/** The evidence operations' implementations, spread into the handler table. */
export const evidenceHandlers: Pick<Handlers, 'evidence.generate' | 'evidence.verify' | 'signer.show' | 'signer.import'> = {
  'evidence.generate': (input, { session, onProgress, signal }) => generateEvidencePack(session.workspace, { ...input, operator: session.operator }, { onProgress, signal }),
  'evidence.verify': ({ path }) => verifyPackFile(path),
  'signer.show': (_input, { session }) => showSigner(session.workspace, session.operator),
  'signer.import': ({ path, passphrase }, { session }) => importSignerFile(session.workspace, path, passphrase, session.operator),
};

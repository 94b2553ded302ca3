import { basename, resolve } from 'node:path';
import { AttestError, isAttestError } from '../errors.js';
import { openWorkspace } from '../store/workspace.js';
import type { SecretStore } from './secret-store.js';
import type { ApiSession } from './session.js';

/** The key a workspace's passphrase is remembered under: its absolute path. */
export function rememberedKey(path: string): string {
  return resolve(path);
}

function requireSecrets(session: ApiSession): SecretStore {
  const secrets = session.secrets;
  if (secrets) return secrets;
  throw new AttestError(
    'SECRETS_UNAVAILABLE',
    'This Attest cannot remember a passphrase: that needs the desktop app and an operating-system keychain (not the browser, the command line, or a Linux session without a keyring). Type the passphrase each time.',
  );
}

/** Opens the file, then (before the session takes it) keeps or forgets its passphrase. */
function unlock(session: ApiSession, path: string, passphrase: string, operator: string | undefined, afterOpen?: (key: string) => void) {
  session.close();
  const workspace = openWorkspace(path, passphrase, operator ?? session.operator);
  try {
    afterOpen?.(rememberedKey(path));
  } catch (error) {
    workspace.close();
    throw error;
  }
  session.attach(workspace, operator);
  return { path: workspace.path, schemaVersion: workspace.schemaVersion };
}

/**
 * `workspace.open`: unlocks with the passphrase typed. `remember` true keeps it, encrypted by
 * the host's keychain, for later unlocks on this computer; false forgets any kept before;
 * absent leaves what is kept alone. Asking to remember where the host cannot is refused before
 * the file is touched, so nothing is written.
 */
export function openWithPassphrase(session: ApiSession, input: { path: string; passphrase: string; operator?: string | undefined; remember?: boolean | undefined }) {
  const { remember, passphrase } = input;
  const secrets = remember === true ? requireSecrets(session) : session.secrets;
  const afterOpen = remember === undefined || !secrets ? undefined : remember ? (key: string) => secrets.save(key, passphrase) : (key: string) => void secrets.forget(key);
  return unlock(session, input.path, passphrase, input.operator, afterOpen);
}

/**
 * `workspace.openRemembered`: unlocks with the passphrase kept on this computer. One that no
 * longer opens the file (the passphrase was changed elsewhere) is forgotten, and the answer is
 * the wrong-passphrase error, saying so.
 */
export function openRemembered(session: ApiSession, input: { path: string; operator?: string | undefined }) {
  const secrets = requireSecrets(session);
  const key = rememberedKey(input.path);
  const passphrase = secrets.load(key);
  if (passphrase === null) {
    throw new AttestError('NOT_REMEMBERED', `No passphrase is remembered on this computer for ${basename(input.path)}. Type its passphrase (tick "Remember on this computer" to keep it).`);
  }
  try {
    return unlock(session, input.path, passphrase, input.operator);
  } catch (error) {
    if (!isAttestError(error) || error.code !== 'WRONG_PASSPHRASE') throw error;
    secrets.forget(key);
    throw new AttestError(
      'WRONG_PASSPHRASE',
      `The passphrase remembered on this computer no longer unlocks ${basename(input.path)} (was it changed?), so it has been forgotten. Type the current passphrase.`,
    );
  }
}

/** `secrets.forget`: forgets what is kept for a workspace (lock-and-forget, or the box unticked). */
export function forgetRemembered(session: ApiSession, path: string): { forgotten: boolean } {
  return { forgotten: requireSecrets(session).forget(rememberedKey(path)) };
}

/** After a passphrase change, a kept passphrase follows it (else it would be stale). */
export function followPassphraseChange(session: ApiSession, path: string, newPassphrase: string): void {
  const secrets = session.secrets;
  const key = rememberedKey(path);
  if (secrets?.has(key)) secrets.save(key, newPassphrase);
}

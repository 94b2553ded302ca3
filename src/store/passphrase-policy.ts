import { AttestError } from '../errors.js';

export const MIN_PASSPHRASE_LENGTH = 8;

/** The passphrase is the only thing between a lost laptop and the evidence: ask for a real one. */
export function assertAcceptablePassphrase(passphrase: string): void {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
    throw new AttestError(
      'WEAK_PASSPHRASE',
      `The passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters long. Choose a longer one (a few unrelated words work well).`,
    );
  }
}

import { randomBytes } from 'node:crypto';
import { AttestError } from '../errors.js';

const MAX_SEED = (1n << 64n) - 1n;

/** A seed as written down (decimal, 0 to 2^64 − 1) → its value; anything else is INVALID_SEED. */
export function parseSeed(text: string): bigint {
  const trimmed = text.trim();
  if (!/^\d{1,20}$/.test(trimmed) || BigInt(trimmed) > MAX_SEED) {
    throw new AttestError('INVALID_SEED', `"${text}" is not a sampling seed. Give a whole number from 0 to ${MAX_SEED} (digits only), or leave --seed out to have one generated and recorded.`);
  }
  return BigInt(trimmed);
}

/** A fresh 64-bit seed from the operating system's random source, in its recorded (decimal) form. */
export function generateSeed(): string {
  return randomBytes(8).readBigUInt64BE().toString();
}

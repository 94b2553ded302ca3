import type Database from 'better-sqlite3-multiple-ciphers';
import { AttestError } from '../errors.js';

/** The rule id as stored (its case), or UNKNOWN_SOD_RULE. */
export function knownRuleId(db: Database.Database, id: string): string {
  const stored = db.prepare('SELECT rule_key FROM sod_rules WHERE rule_key = ?').pluck().get(id.trim()) as string | undefined;
  if (stored === undefined) throw new AttestError('UNKNOWN_SOD_RULE', `There is no SoD rule "${id}". List the rules with "attest sod rules".`);
  return stored;
}

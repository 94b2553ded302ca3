import type Database from 'better-sqlite3-multiple-ciphers';

export type ViolationStatus = 'open' | 'mitigated' | 'excepted';

export interface StatusVerdict {
  status: ViolationStatus;
  controls: string[];
  exceptionId: number | null;
}

/**
 * The status lifecycle: excepted while an exception for the rule and owner covers the run's date
 * (an expired or future one does not count); else mitigated when a control is attached to the
 * rule or to this violation; else open. Re-decided on every run, so an exception that expires
 * turns the violation back to open (or mitigated, if a control covers it).
 */
export function statusJudge(db: Database.Database, onDate: string): (ruleKey: string, ownerKey: string) => StatusVerdict {
  const exception = db.prepare(
    'SELECT id FROM sod_exceptions WHERE rule_key = ? AND owner_key = ? AND starts_on <= ? AND ends_on >= ? ORDER BY granted_at DESC, id DESC LIMIT 1',
  ).pluck();
  const controls = db
    .prepare(
      `SELECT c.control_key FROM sod_mitigations m JOIN sod_controls c ON c.id = m.control_id
       WHERE m.rule_key = ? AND (m.owner_key IS NULL OR m.owner_key = ?) ORDER BY c.control_key`,
    )
    .pluck();
  return (ruleKey, ownerKey) => {
    const exceptionId = (exception.get(ruleKey, ownerKey, onDate, onDate) as number | undefined) ?? null;
    const attached = controls.all(ruleKey, ownerKey) as string[];
    const status: ViolationStatus = exceptionId !== null ? 'excepted' : attached.length > 0 ? 'mitigated' : 'open';
    return { status, controls: attached, exceptionId };
  };
}

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
  const key = (rule: string, owner: string | null): string => `${rule.toLowerCase()}\u0000${owner ?? ''}`;
  // Both tables are small next to the violations: read them once rather than per violation.
  const exceptions = new Map<string, number>();
  const valid = db
    .prepare('SELECT id, rule_key, owner_key FROM sod_exceptions WHERE starts_on <= ? AND ends_on >= ? ORDER BY granted_at, id')
    .all(onDate, onDate) as { id: number; rule_key: string; owner_key: string }[];
  for (const e of valid) exceptions.set(key(e.rule_key, e.owner_key), e.id);
  const controls = new Map<string, string[]>();
  const attached = db
    .prepare('SELECT m.rule_key, m.owner_key, c.control_key FROM sod_mitigations m JOIN sod_controls c ON c.id = m.control_id ORDER BY c.control_key')
    .all() as { rule_key: string; owner_key: string | null; control_key: string }[];
  for (const m of attached) controls.set(key(m.rule_key, m.owner_key), [...(controls.get(key(m.rule_key, m.owner_key)) ?? []), m.control_key]);
  return (ruleKey, ownerKey) => {
    const exceptionId = exceptions.get(key(ruleKey, ownerKey)) ?? null;
    const ids = [...new Set([...(controls.get(key(ruleKey, null)) ?? []), ...(controls.get(key(ruleKey, ownerKey)) ?? [])])].sort();
    const status: ViolationStatus = exceptionId !== null ? 'excepted' : ids.length > 0 ? 'mitigated' : 'open';
    return { status, controls: ids, exceptionId };
  };
}

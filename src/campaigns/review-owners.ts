import type Database from 'better-sqlite3-multiple-ciphers';
import { AttestError } from '../errors.js';
import { compileGlob, isGlob, type TextMatcher } from '../sod/glob.js';
import { findSystemId } from '../store/snapshot-lookup.js';
import type { Workspace } from '../store/workspace.js';
import { reviewerKey } from './campaign-model.js';

export interface ReviewOwner {
  system: string;
  /** null: the system's owner; else an entitlement name or key, exact or a glob. */
  entitlement: string | null;
  reviewer: string;
  setAt: string;
  setBy: string;
}

/** An address; not starting as a formula does (reviewers are written into workbooks). */
const EMAIL = /^[^\s@=+-][^\s@]*@[^\s@]+$/;

export function checkReviewerEmail(reviewer: string, what: string): string {
  const key = reviewerKey(reviewer);
  if (!EMAIL.test(key)) throw new AttestError('USAGE', `${what} is named by e-mail address, not "${reviewer}".`);
  return key;
}

/** Sets (or replaces) who owns a system, or the entitlements matching a pattern, for owner reviews. Audited. */
export function setReviewOwner(ws: Workspace, request: { system: string; entitlement?: string | undefined; reviewer: string; operator: string }): ReviewOwner {
  const systemName = ws.db.prepare('SELECT name FROM systems WHERE id = ?').pluck().get(findSystemId(ws.db, request.system)) as string;
  const owner: ReviewOwner = {
    system: systemName,
    entitlement: request.entitlement?.trim() || null,
    reviewer: checkReviewerEmail(request.reviewer, 'An owner'),
    setAt: new Date().toISOString(),
    setBy: request.operator,
  };
  ws.change(
    request.operator,
    'campaign.owner.set',
    () =>
      ws.db
        .prepare(
          `INSERT INTO review_owners (system, entitlement, reviewer, set_at, set_by) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (system, ifnull(entitlement, '')) DO UPDATE SET reviewer = excluded.reviewer, set_at = excluded.set_at, set_by = excluded.set_by`,
        )
        .run(owner.system, owner.entitlement, owner.reviewer, owner.setAt, owner.setBy),
    () => owner,
  );
  return owner;
}

export function listReviewOwners(db: Database.Database): ReviewOwner[] {
  return db.prepare('SELECT system, entitlement, reviewer, set_at AS setAt, set_by AS setBy FROM review_owners ORDER BY system, entitlement').all() as ReviewOwner[];
}

/**
 * Who owns what, for routing: a system's owner, and an entitlement's owner (an exact name or key
 * wins over a glob; among globs, the longest pattern wins).
 */
export class OwnerDirectory {
  private readonly systems = new Map<string, string>();
  private readonly exact = new Map<string, string>();
  private readonly globs = new Map<string, { pattern: string; match: TextMatcher; reviewer: string }[]>();

  constructor(owners: readonly ReviewOwner[]) {
    for (const o of owners) {
      const system = o.system.toLowerCase();
      if (o.entitlement === null) this.systems.set(system, o.reviewer);
      else if (isGlob(o.entitlement)) {
        const list = this.globs.get(system) ?? [];
        list.push({ pattern: o.entitlement, match: compileGlob(o.entitlement), reviewer: o.reviewer });
        list.sort((a, b) => b.pattern.length - a.pattern.length);
        this.globs.set(system, list);
      } else this.exact.set(`${system}\u0000${o.entitlement.toLowerCase()}`, o.reviewer);
    }
  }

  systemOwner(system: string): string | null {
    return this.systems.get(system.toLowerCase()) ?? null;
  }

  entitlementOwner(system: string, name: string, key: string): string | null {
    const s = system.toLowerCase();
    const exact = this.exact.get(`${s}\u0000${name.toLowerCase()}`) ?? this.exact.get(`${s}\u0000${key.toLowerCase()}`);
    if (exact !== undefined) return exact;
    return this.globs.get(s)?.find((g) => g.match(name) || g.match(key))?.reviewer ?? null;
  }
}

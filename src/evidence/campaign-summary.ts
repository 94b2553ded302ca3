import type { CampaignSummary, EvidenceItem, ItemSource, Outcomes, ReviewerTally } from './campaign-evidence.js';

/** What the figures need of an item. */
export type SummaryItem = Pick<EvidenceItem, 'system' | 'reviewer' | 'outcome' | 'stages'> & { identity: { email: string | null } | null };

function tally(o: Outcomes, decision: 'keep' | 'revoke' | 'pending' | null): void {
  if (decision === 'keep') o.kept += 1;
  else if (decision === 'revoke') o.revoked += 1;
  else o.pending += 1;
}

function sortedByName(map: Map<string, Outcomes>): [string, Outcomes][] {
  return [...map].sort(([a], [b]) => a.localeCompare(b, 'en'));
}

/**
 * The campaign's figures in one pass over its items: outcomes overall, by system and by
 * reviewer, each stage reviewer's tally, and the independence exceptions. `visit` sees every
 * item on the way (the loader collects the revoked ones' ids there).
 */
export function summariseItems<T extends SummaryItem>(items: Iterable<T>, visit?: (item: T) => void): CampaignSummary {
  const total: Outcomes = { kept: 0, revoked: 0, pending: 0 };
  const bySystem = new Map<string, Outcomes>();
  const byReviewer = new Map<string, Outcomes>();
  const reviewers = new Map<string, ReviewerTally>();
  const independence = { selfReviewed: 0, repeatedReviewer: 0 };
  let stageRows = 0;
  const outcomesOf = (map: Map<string, Outcomes>, key: string): Outcomes => {
    let o = map.get(key);
    if (o === undefined) map.set(key, (o = { kept: 0, revoked: 0, pending: 0 }));
    return o;
  };
  for (const item of items) {
    visit?.(item);
    tally(total, item.outcome);
    tally(outcomesOf(bySystem, item.system), item.outcome);
    tally(outcomesOf(byReviewer, item.reviewer), item.outcome);
    stageRows += item.stages.length;
    for (const s of item.stages) {
      let t = reviewers.get(s.reviewer);
      if (t === undefined) reviewers.set(s.reviewer, (t = { items: 0, kept: 0, revoked: 0, pending: 0, stages: new Set<number>() }));
      t.items += 1;
      t.stages.add(s.stage);
      tally(t, s.decision);
    }
    const own = item.identity?.email?.trim().toLowerCase();
    if (own && item.stages.some((s) => s.decision !== null && s.reviewer.trim().toLowerCase() === own)) independence.selfReviewed += 1;
    if (new Set(item.stages.map((s) => s.reviewer.trim().toLowerCase())).size < item.stages.length) independence.repeatedReviewer += 1;
  }
  return { total, stageRows, bySystem: sortedByName(bySystem), byReviewer: sortedByName(byReviewer), reviewers, independence };
}

/** Items already in memory (tests, small callers) as a source. */
export function itemSource(items: readonly EvidenceItem[]): ItemSource {
  return { count: items.length, [Symbol.iterator]: () => items[Symbol.iterator]() };
}

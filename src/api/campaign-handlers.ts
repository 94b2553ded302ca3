import { applyWorkbook } from '../campaigns/apply-workbook.js';
import { reviewerKey } from '../campaigns/campaign-model.js';
import { readItems, type CampaignItem } from '../campaigns/campaign-read.js';
import { campaignProgress, campaignStatus } from '../campaigns/campaign-status.js';
import { itemPage } from '../campaigns/item-page.js';
import { undoDecision } from '../campaigns/undo-decision.js';
import { isDecision, latestUndoable } from '../campaigns/undoable.js';
import { createCampaign, listCampaigns, loadCampaign } from '../campaigns/campaign-store.js';
import { closeCampaign } from '../campaigns/close-campaign.js';
import { launchCampaignWatched, previewCampaignWatched } from '../campaigns/launch-campaign.js';
import { bulkDecide, decideItem, filterItems, reassignItem } from '../campaigns/record-decisions.js';
import { exportRemediation, remediationCounts, remediationLines } from '../campaigns/remediation.js';
import { writeReminders } from '../campaigns/reminders.js';
import { setReviewOwner } from '../campaigns/review-owners.js';
import { exportWorkbooks } from '../campaigns/export-workbooks.js';
import type { CampaignHandlers } from './handlers.js';

function itemView(i: CampaignItem) {
  return {
    id: i.id, ordinal: i.ordinal, reviewer: i.reviewer, identity: i.identity?.employeeId ?? null, account: i.account, system: i.system, entitlement: i.entitlement,
    decision: i.decision, outcome: i.outcome, stage: i.stage, comment: i.comment, accountKey: i.accountKey, entitlementKey: i.entitlementKey,
    entitlementDescription: i.entitlementDescription, accountStatus: i.accountStatus, lastLogin: i.lastLogin, privileged: i.privileged, person: i.identity,
    findings: i.findings, previousDecision: i.previousDecision,
    stages: i.stages.map(({ stage, reviewer, routedTo, rule, note, decision, comment, decidedAt, channel, recordedBy }) => ({ stage, reviewer, routedTo, rule, note, decision, comment, decidedAt, channel, recordedBy })),
  };
}

/** The campaign operations (src/campaigns), spread into `handlers`. */
export const campaignHandlers: CampaignHandlers = {
  'campaigns.create': (input, { session }) => createCampaign(session.workspace, { ...input, operator: session.operator }),
  'campaigns.list': (_input, { session }) => ({ campaigns: listCampaigns(session.workspace.db).map((c) => ({ ...c, ...campaignProgress(session.workspace.db, c.id) })) }),
  'campaigns.setOwner': (input, { session }) => setReviewOwner(session.workspace, { ...input, operator: session.operator }),
  'campaigns.preview': ({ campaignId }, { session, ...watch }) => previewCampaignWatched(session.workspace, campaignId, watch),
  'campaigns.launch': ({ campaignId }, { session, ...watch }) => launchCampaignWatched(session.workspace, campaignId, session.operator, watch),
  'campaigns.items': ({ campaignId, ...filter }, { session }) => {
    loadCampaign(session.workspace.db, campaignId);
    return { items: filterItems(readItems(session.workspace.db, { campaignId }), filter).map(itemView) };
  },
  'campaigns.itemsPage': (query, { session }) => {
    loadCampaign(session.workspace.db, query.campaignId);
    const page = itemPage(session.workspace.db, query);
    return { ...page, rows: page.rows.map(itemView) };
  },
  'campaigns.decide': ({ campaignId, channel, ...input }, { session }) => decideItem(session.workspace, campaignId, input, channel, session.operator),
  'campaigns.undo': ({ campaignId, channel, ...input }, { session }) => undoDecision(session.workspace, campaignId, input, channel, session.operator),
  'campaigns.undoable': ({ campaignId, reviewer }, { session }) => {
    const db = session.workspace.db;
    loadCampaign(db, campaignId);
    const target = latestUndoable(db, campaignId, reviewerKey(reviewer));
    if (!target) return { undoable: null };
    const { item, row, before } = target;
    return { undoable: { itemId: item.id, stage: row.stage, decisionId: row.id, decision: row.decision, decidedAt: row.decidedAt, restores: isDecision(before) ? before.decision : null, account: item.account, system: item.system, entitlement: item.entitlement } };
  },
  'campaigns.bulkDecide': ({ campaignId, channel, reviewer, decision, comment, expectedCount, ...filter }, { session }) =>
    bulkDecide(session.workspace, campaignId, { reviewer, decision, comment, expectedCount, filter }, channel, session.operator),
  'campaigns.reassign': ({ campaignId, channel, ...input }, { session }) => reassignItem(session.workspace, campaignId, input, channel, session.operator),
  'campaigns.status': ({ campaignId }, { session }) => campaignStatus(session.workspace.db, campaignId),
  'campaigns.reminders': ({ campaignId, dir }, { session }) => writeReminders(session.workspace, campaignId, dir),
  'campaigns.workbooks': ({ campaignId, dir }, { session, onProgress, signal }) => exportWorkbooks(session.workspace, campaignId, dir, session.operator, { onProgress, signal }),
  'campaigns.applyWorkbook': ({ campaignId, path }, { session, signal }) => applyWorkbook(session.workspace, campaignId, path, session.operator, signal),
  'campaigns.close': ({ campaignId }, { session }) => closeCampaign(session.workspace, campaignId, session.operator),
  'campaigns.remediation': ({ campaignId, path }, { session }) => {
    const db = session.workspace.db;
    const lines = remediationLines(db, loadCampaign(db, campaignId).id);
    if (path !== undefined) exportRemediation(db, campaignId, path);
    return { path: path ?? null, lines, counts: remediationCounts(lines) };
  },
};

import { mkdirSync } from 'node:fs';
import { writeNewFile } from '../files/write-new-file.js';
import { join } from 'node:path';
import type { Workspace } from '../store/workspace.js';
import { readItems, type CampaignItem } from './campaign-read.js';
import { campaignIn, type CampaignRecord } from './campaign-store.js';
import { pendingByReviewer, reviewerFileName } from './export-workbooks.js';

const LISTED = 50;

/** A header value on one line; non-ASCII as an RFC 2047 encoded word. */
function headerText(text: string): string {
  const line = text.replace(/[\r\n]+/g, ' ');
  return /^[\x20-\x7e]*$/.test(line) ? line : `=?UTF-8?B?${Buffer.from(line, 'utf8').toString('base64')}?=`;
}

/** An e-mail draft (RFC 5322, `X-Unsent: 1` so that mail programs open it for sending). */
export function reminderEml(campaign: CampaignRecord, org: string, reviewer: string, items: readonly CampaignItem[], now = new Date()): string {
  const due = campaign.dueOn ? ` by ${campaign.dueOn}` : '';
  const overdue = campaign.dueOn !== null && campaign.dueOn < now.toISOString().slice(0, 10);
  const lines = items.slice(0, LISTED).map((i) => `  - ${i.system}: ${i.account} → ${i.entitlement}${i.identity?.name ? ` (${i.identity.name})` : ''}`);
  const body = [
    'Hello,',
    '',
    `${overdue ? 'The access review below is overdue: it was due' : 'You have access to review'}${overdue ? ` on ${campaign.dueOn}` : due}. ${items.length} item${items.length === 1 ? ' is' : 's are'} waiting for your decision (keep or revoke) in "${campaign.name}":`,
    '',
    ...lines,
    ...(items.length > LISTED ? [`  … and ${items.length - LISTED} more.`] : []),
    '',
    'Your reviewer workbook is attached or will follow from the review coordinator: fill in the Decision and Comment columns only, and send it back.',
    '',
    `— ${org} access review`,
  ].join('\r\n');
  return [
    `To: ${reviewer}`,
    `Subject: ${headerText(`${overdue ? 'Overdue: ' : ''}Access review "${campaign.name}": ${items.length} item${items.length === 1 ? '' : 's'} awaiting your decision${due}`)}`,
    `Date: ${now.toUTCString()}`,
    'X-Unsent: 1',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    body,
    '',
  ].join('\r\n');
}

/** One `.eml` draft per reviewer who still owes decisions, written to new files in `dir`. */
export function writeReminders(ws: Workspace, campaignId: number, dir: string): { files: { reviewer: string; path: string; pending: number }[] } {
  const campaign = campaignIn(ws.db, campaignId, 'launched', 'draft reminders');
  const org = ws.getMeta('org') ?? 'Attest';
  mkdirSync(dir, { recursive: true });
  const files: { reviewer: string; path: string; pending: number }[] = [];
  for (const [reviewer, items] of pendingByReviewer(readItems(ws.db, { campaignId }))) {
    const path = join(dir, reviewerFileName(campaignId, reviewer, 'eml'));
    writeNewFile(path, reminderEml(campaign, org, reviewer, items), 'Write the reminders to an empty folder');
    files.push({ reviewer, path, pending: items.length });
  }
  return { files };
}

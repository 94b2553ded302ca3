import { listAuditEvents, verifyAuditChain } from '../audit/audit-log.js';
import { campaignHandlers } from './campaign-handlers.js';
import { pullLdap } from '../connectors/ldap/pull-ldap.js';
import { createDemoWorkspace } from '../demo/create-demo-workspace.js';
import { createSigningIdentity } from '../evidence/signing-identity.js';
import { diffSnapshots } from '../identity/snapshot-diff.js';
import { decideAccount, forgetAccountDecision, listAccountDecisions } from '../identity/account-decisions.js';
import { runAnalysis } from '../identity/run-analysis.js';
import { readAnalysisRun } from '../identity/stored-findings.js';
import { importSnapshot } from '../ingest/import-snapshot.js';
import { PROFILES } from '../ingest/profiles/index.js';
import { listSnapshots } from '../ingest/snapshot-list.js';
import { drawSample } from '../sampling/draw-sample.js';
import { listSamples, showSample } from '../sampling/sample-store.js';
import { exportRuleSet, importRuleSet } from '../sod/rule-set.js';
import { loadRules } from '../sod/rule-store.js';
import { runSod } from '../sod/run-sod.js';
import { grantSodException } from '../sod/sod-exceptions.js';
import { mitigateSodRule } from '../sod/sod-mitigations.js';
import { simulateSod } from '../sod/simulate-sod.js';
import { changeWorkspacePassphrase } from '../store/change-passphrase.js';
import { createWorkspace } from '../store/create-workspace.js';
import { summarizeWorkspace } from '../store/workspace-summary.js';
import type { Contract, OperationName } from './contract.js';
import { browseHandlers } from './handlers-browse.js';
import type { z } from 'zod';
import type { Progress } from './result.js';
import type { ApiSession } from './session.js';
import { evidenceHandlers } from './evidence-handlers.js';
import { filesHandlers } from './files-handlers.js';
import { followPassphraseChange, openWithPassphrase } from './remembered-unlock.js';
import { secretHandlers } from './secret-handlers.js';

export interface CallContext {
  session: ApiSession;
  onProgress?: ((progress: Progress) => void) | undefined;
  signal?: AbortSignal | undefined;
}

type HandlerOf<K extends OperationName> = (input: z.output<Contract[K]['input']>, ctx: CallContext) => Promise<z.input<Contract[K]['output']>> | z.input<Contract[K]['output']>;

export type Handlers = { [K in OperationName]: HandlerOf<K> };
export type CampaignHandlers = { [K in Extract<OperationName, `campaigns.${string}`>]: HandlerOf<K> };

/** The implementation of every operation, once. Hosts reach it only through invoke(). */
export const handlers: Handlers = {
  'workspace.create': async ({ path, passphrase, org, operator }, { session }) => {
    const workspace = createWorkspace(path, passphrase, { org, operator: operator ?? session.operator });
    session.attach(workspace, operator);
    // The signing identity's key is made off the event loop (0.1–1.5 s for RSA 3072).
    await createSigningIdentity(workspace, operator ?? session.operator);
    return { path: workspace.path };
  },
  'workspace.open': (input, { session }) => openWithPassphrase(session, input),
  'workspace.close': (_input, { session }) => ({ closed: session.close() }),
  'workspace.info': (_input, { session }) => {
    const ws = session.workspace;
    return {
      path: ws.path,
      schemaVersion: ws.schemaVersion,
      workspaceId: ws.getMeta('workspace_id') ?? '',
      org: ws.getMeta('org') ?? '',
      createdAt: ws.getMeta('created_at') ?? '',
      operator: session.operator,
      ...summarizeWorkspace(ws.db),
      signer: { fingerprintSha256: ws.getMeta('signer_fingerprint_sha256') },
    };
  },
  'workspace.changePassphrase': ({ currentPassphrase, newPassphrase }, { session }) => {
    const reopened = changeWorkspacePassphrase(session.workspace, currentPassphrase, newPassphrase, session.operator);
    session.attach(reopened);
    followPassphraseChange(session, reopened.path, newPassphrase);
    return { path: reopened.path, changed: true as const };
  },
  'audit.verify': (_input, { session }) => verifyAuditChain(session.workspace.db),
  'audit.list': ({ afterSeq, limit }, { session }) => ({ events: listAuditEvents(session.workspace.db, { afterSeq, limit }) }),
  'profiles.list': () => ({
    profiles: PROFILES.map((p) => ({ name: p.name, kind: p.content, reads: p.kind, description: p.description, defaultSystem: p.defaultSystem ?? null })),
  }),
  'import.run': (input, { session, signal, onProgress }) => importSnapshot(session.workspace, { ...input, operator: session.operator }, { signal, onProgress }),
  'pull.ldap': (input, { session, signal, onProgress }) => pullLdap(session.workspace, { ...input, operator: session.operator }, { signal, onProgress }),
  'snapshots.list': ({ system }, { session }) => ({ snapshots: listSnapshots(session.workspace.db, system) }),
  'snapshots.diff': (input, { session }) => diffSnapshots(session.workspace.db, input),
  'samples.draw': ({ size, percent, ...input }, { session }) =>
    drawSample(session.workspace, { ...input, requested: size === undefined ? { percent: percent ?? 0 } : { size }, operator: session.operator }),
  'samples.list': (_input, { session }) => ({ samples: listSamples(session.workspace.db) }),
  'samples.show': ({ id }, { session }) => showSample(session.workspace.db, id),
  'analysis.run': (input, { session, signal, onProgress }) => runAnalysis(session.workspace, { ...input, operator: session.operator }, { signal, onProgress }),
  'analysis.findings': ({ runId, type }, { session }) => readAnalysisRun(session.workspace.db, runId, type),
  'accounts.link': ({ system, account, employeeId }, { session }) => decideAccount(session.workspace, { system, account, decision: 'link', employeeId, operator: session.operator }),
  'accounts.unlink': ({ system, account }, { session }) => decideAccount(session.workspace, { system, account, decision: 'unlink', operator: session.operator }),
  'accounts.mark': ({ system, account, serviceOwner }, { session }) =>
    decideAccount(session.workspace, { system, account, decision: serviceOwner === undefined ? 'shared' : 'service', employeeId: serviceOwner, operator: session.operator }),
  'accounts.decisions': (_input, { session }) => ({ decisions: listAccountDecisions(session.workspace.db) }),
  'accounts.forget': ({ system, account }, { session }) => forgetAccountDecision(session.workspace, { system, account, operator: session.operator }),
  'sod.import': (input, { session, signal }) => importRuleSet(session.workspace, { ...input, operator: session.operator }, signal),
  'sod.rules': (_input, { session }) => ({ rules: loadRules(session.workspace.db) }),
  'sod.export': ({ path }, { session }) => exportRuleSet(session.workspace, path),
  'sod.run': ({ asOf }, { session }) => runSod(session.workspace, { asOf, operator: session.operator }),
  'sod.except': (input, { session }) => grantSodException(session.workspace, { ...input, operator: session.operator }),
  'sod.mitigate': (input, { session }) => mitigateSodRule(session.workspace, { ...input, operator: session.operator }),
  'sod.simulate': (input, { session }) => simulateSod(session.workspace, input),
  'demo.create': async ({ dir, passphrase, seed }, { session, signal, onProgress }) => {
    const { workspace, ...result } = await createDemoWorkspace(dir, passphrase, { seed, operator: session.operator, signal, onProgress });
    session.attach(workspace);
    return { ...result, workspace: workspace.path };
  },
  ...campaignHandlers,
  ...evidenceHandlers,
  ...filesHandlers,
  ...secretHandlers,
  ...browseHandlers,
};

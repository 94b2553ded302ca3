import Database from 'better-sqlite3-multiple-ciphers';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { openKeyed } from '../../src/store/cipher.js';
import { createWorkspace } from '../../src/store/create-workspace.js';
import { writeGrants, type GrantRow } from '../../src/store/grant-writer.js';
import { coreModel } from '../../src/store/migrations/001-core-model.js';
import { openWorkspace } from '../../src/store/workspace.js';
import { importSnapshot } from '../../src/ingest/import-snapshot.js';
import { countCsvRows } from '../../src/ingest/readers/csv/open-csv.js';
import * as XLSX from 'xlsx';
import { diffSnapshots } from '../../src/identity/snapshot-diff.js';
import { runAnalysis } from '../../src/identity/run-analysis.js';
import { correlateCurrentPicture } from '../../src/identity/correlation-store.js';
import { BENCH_GRANTS, seedAnalysisEstate } from './analysis-fixture.js';
import { grantsC1z } from './c1z-fixture.js';
import { seedDiffPair } from './diff-fixture.js';
import { runSod } from '../../src/sod/run-sod.js';
import { currentPicture } from '../../src/sod/current-picture.js';
import { sodWorkspaceCopy } from './sod-fixture.js';
import { grantsCsv, grantsXlsx } from './import-fixtures.js';
import { BUSY_MANAGER, CAMPAIGN_ITEMS, benchCampaign, seedCampaignEstate } from './campaign-fixture.js';
import { launchCampaign } from '../../src/campaigns/launch-campaign.js';
import { readItems } from '../../src/campaigns/campaign-read.js';
import { bulkDecide, decideItem } from '../../src/campaigns/record-decisions.js';
import { exportWorkbooks } from '../../src/campaigns/export-workbooks.js';
import type { Workspace } from '../../src/store/workspace.js';

export interface CaseResult {
  rows: number;
  seconds: number;
}

const PASSPHRASE = 'benchmark passphrase';
export const GRANT_ROWS = 1_000_000;
const ACCOUNTS = 10_000;
const ENTITLEMENTS = 500;

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'attest-bench-'));
}

/** 1M synthetic grants: 10k accounts × 100 of 500 entitlements, in a fixed pseudo-random order. */
function* syntheticGrants(): Generator<GrantRow> {
  for (let a = 1; a <= ACCOUNTS; a++) {
    for (let k = 0; k < GRANT_ROWS / ACCOUNTS; k++) {
      yield [a, ((a * 7919 + k * 5) % ENTITLEMENTS) + 1, k % 10 === 0 ? 'group:Finance' : null];
    }
  }
}

function seedSnapshot(db: Database.Database): number {
  db.exec(`INSERT INTO systems (id, name, created_at) VALUES (1, 'Bench', 'now');
    INSERT INTO snapshots (id, system_id, content, profile, mapping, file_name, sha256, size_bytes, as_of, imported_at, imported_by, rows_read, rows_imported, rows_rejected) VALUES (1, 1, 'access', 'grants', NULL, 'bench.csv', '${'0'.repeat(64)}', 0, '2026-11-01', 'now', 'bench', ${GRANT_ROWS}, ${GRANT_ROWS}, 0);`);
  const account = db.prepare("INSERT INTO accounts (id, snapshot_id, account_key, login, status) VALUES (?, 1, ?, ?, 'enabled')");
  const entitlement = db.prepare('INSERT INTO entitlements (id, snapshot_id, entitlement_key, name) VALUES (?, 1, ?, ?)');
  db.transaction(() => {
    for (let a = 1; a <= ACCOUNTS; a++) account.run(a, `user${a}`, `user${a}`);
    for (let e = 1; e <= ENTITLEMENTS; e++) entitlement.run(e, `role${e}`, `Role ${e}`);
  })();
  return 1;
}

function timed(fn: () => number): CaseResult {
  const start = performance.now();
  const rows = fn();
  return { rows, seconds: (performance.now() - start) / 1000 };
}

export const CSV_ROWS = 1_000_000;
export const XLSX_ROWS = 200_000;

async function timedAsync(fn: () => Promise<number>): Promise<CaseResult> {
  const start = performance.now();
  const rows = await fn();
  return { rows, seconds: (performance.now() - start) / 1000 };
}

/** A full import of `file` into a new encrypted workspace, timed from the call to the end of close(). */
async function importCase(file: string): Promise<CaseResult> {
  const dir = scratch();
  try {
    const ws = createWorkspace(join(dir, 'w.attest'), PASSPHRASE);
    return await timedAsync(async () => {
      const result = await importSnapshot(ws, { files: [{ path: file }], system: 'Bench ERP', operator: 'bench' });
      ws.close();
      return result.rowsRead;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The campaign estate in a fresh workspace, reopened (as a user would), a campaign created and, unless `launch` is false, launched. */
function withCampaign(launch: boolean, run: (ws: Workspace, campaignId: number, dir: string) => CaseResult): CaseResult {
  const dir = scratch();
  try {
    const seeded = createWorkspace(join(dir, 'w.attest'), PASSPHRASE);
    seedCampaignEstate(seeded.db);
    const id = benchCampaign(seeded);
    if (launch) launchCampaign(seeded, id, 'bench');
    seeded.close();
    const ws = openWorkspace(join(dir, 'w.attest'), PASSPHRASE);
    try {
      return run(ws, id, dir);
    } finally {
      ws.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const DECISIONS_TIMED = 50;

export const CASES: Record<string, () => CaseResult | Promise<CaseResult>> = {
  /** Launch of a 100k-item manager review (100 reviewers): population, routing, context, hash, reconciliation, one transaction. */
  'campaign-launch-100k': () =>
    withCampaign(false, (ws, id) =>
      timed(() => {
        const items = launchCampaign(ws, id, 'bench').items;
        if (items !== CAMPAIGN_ITEMS) throw new Error(`expected ${CAMPAIGN_ITEMS} items, got ${items}`);
        return items;
      }),
    ),
  /** One decision on a 100k-item campaign, with its audit event, committed (synchronous=FULL): the mean of 50. */
  'campaign-decision': () =>
    withCampaign(true, (ws, id) => {
      const items = readItems(ws.db, { campaignId: id }).slice(0, DECISIONS_TIMED);
      const result = timed(() => {
        for (const item of items) decideItem(ws, id, { itemId: item.id, decision: 'keep', reviewer: item.reviewer }, 'app', 'bench');
        return 1;
      });
      return { rows: 1, seconds: result.seconds / DECISIONS_TIMED };
    }),
  /** One bulk decision over the 10k items one manager owes, each row and audit event, one transaction. */
  'campaign-bulk-10k': () =>
    withCampaign(true, (ws, id) =>
      timed(() => {
        const matched = bulkDecide(ws, id, { reviewer: BUSY_MANAGER, filter: {}, decision: 'keep' }, 'app', 'bench').matched;
        return bulkDecide(ws, id, { reviewer: BUSY_MANAGER, filter: {}, decision: 'keep', expectedCount: matched }, 'app', 'bench').applied;
      }),
    ),
  /** The 100 reviewer workbooks of a 100k-item campaign, each signed row by row. */
  'campaign-workbooks-100': () =>
    withCampaign(true, (ws, id, dir) =>
      timed(() => {
        const out = exportWorkbooks(ws, id, join(dir, 'workbooks'), 'bench');
        if (out.files.length !== 100) throw new Error(`expected 100 workbooks, got ${out.files.length}`);
        return CAMPAIGN_ITEMS;
      }),
    ),
  /** Two 1M-grant snapshots of one system with churn: the full diff (grants, accounts, entitlements), from a fresh unlock. */
  'snapshot-diff': () => {
    const dir = scratch();
    try {
      const ws = createWorkspace(join(dir, 'w.attest'), PASSPHRASE);
      ws.change('bench', 'bench.diff-pair', () => seedDiffPair(ws.db));
      ws.close();
      const reopened = openWorkspace(join(dir, 'w.attest'), PASSPHRASE);
      try {
        return timed(() => {
          const diff = diffSnapshots(reopened.db, { system: 'Bench' });
          if (diff.added.length !== 10_990 || diff.removed.length !== 10_990) throw new Error(`unexpected diff: ${JSON.stringify(diff.counts)}`);
          return 2 * GRANT_ROWS;
        });
      } finally {
        reopened.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
  /**
   * `attest analyze` over 50k identities, 10 systems, 1M grants: every finding, the stored run.
   * The correlation is stored as the imports leave it (correlate-50k measures that step).
   */
  'analyze-50k': () => {
    const dir = scratch();
    try {
      const seeded = createWorkspace(join(dir, 'w.attest'), PASSPHRASE);
      seedAnalysisEstate(seeded.db);
      correlateCurrentPicture(seeded.db);
      seeded.close();
      const ws = openWorkspace(join(dir, 'w.attest'), PASSPHRASE);
      return timedAsync(async () => {
        const run = await runAnalysis(ws, { operator: 'bench' });
        ws.close();
        process.stderr.write(`analyze-50k: ${JSON.stringify(run.counts)}\n`);
        return BENCH_GRANTS;
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
  /** What each import does at its end: correlates the 250k accounts of the current picture to the 50k HR identities and stores it. */
  'correlate-50k': () => {
    const dir = scratch();
    try {
      const seeded = createWorkspace(join(dir, 'w.attest'), PASSPHRASE);
      seedAnalysisEstate(seeded.db);
      seeded.close();
      const ws = openWorkspace(join(dir, 'w.attest'), PASSPHRASE);
      return timed(() => {
        correlateCurrentPicture(ws.db);
        const accounts = ws.db.prepare('SELECT count(*) FROM account_correlations').pluck().get() as number;
        ws.close();
        return accounts;
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
  /** Floor: our CSV parser alone over the 1M-row grants file (decode, split, no mapping). */
  'csv-parse-floor': async () => {
    const file = await grantsCsv(CSV_ROWS);
    return timedAsync(() => countCsvRows(file));
  },
  'csv-import': async () => importCase(await grantsCsv(CSV_ROWS)),
  /** The same 1M grants as a baton sync file. */
  'c1z-import': () => importCase(grantsC1z(CSV_ROWS)),
  /** The 14,981-grant baton sample. */
  'c1z-sample-import': () => importCase(fileURLToPath(new URL('../fixtures/c1z/sync.36zfOAoWMxQdISbixanQCRBiX7E.expanded.c1z', import.meta.url))),
  /** Floor: SheetJS dense read of the 200k-row workbook alone. */
  'xlsx-read-floor': () => {
    const file = grantsXlsx(XLSX_ROWS);
    return timed(() => {
      // XLSX.readFile without its fs (the ESM build has none): read the bytes, then parse.
      const book = XLSX.read(readFileSync(file), { dense: true });
      const sheet = book.Sheets[book.SheetNames[0] ?? ''];
      return XLSX.utils.decode_range(sheet?.['!ref'] ?? 'A1').e.r;
    });
  },
  'xlsx-import': () => importCase(grantsXlsx(XLSX_ROWS)),
  /** Floor: every grant of the picture's access snapshots loaded as packed integers (.pluck()), nothing else. */
  'sod-grants-load-floor': () => {
    const dir = scratch();
    try {
      const ws = openWorkspace(sodWorkspaceCopy(dir, PASSPHRASE), PASSPHRASE);
      const snapshots = JSON.stringify(currentPicture(ws.db, null).access.map((s) => s.id));
      const result = timed(() => {
        const multiplier = (ws.db.prepare('SELECT max(id) + 1 FROM entitlements').pluck().get() as number) ?? 1;
        const packed = ws.db.prepare('SELECT account_id * ? + entitlement_id FROM grants WHERE snapshot_id IN (SELECT value FROM json_each(?))').pluck().all(multiplier, snapshots) as number[];
        return packed.length;
      });
      ws.close();
      return result;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
  /** A full SoD run: 500 rules over 1M grants of 50k identities (plus uncorrelated accounts), stored with evidence and audited. */
  'sod-run': () => {
    const dir = scratch();
    try {
      const ws = openWorkspace(sodWorkspaceCopy(dir, PASSPHRASE), PASSPHRASE);
      const grants = ws.db.prepare('SELECT count(*) FROM grants').pluck().get() as number;
      let violations = 0;
      const result = timed(() => {
        violations = runSod(ws, { operator: 'bench' }).counts.violations;
        return grants;
      });
      process.stderr.write(`sod-run: ${violations} violations\n`);
      ws.close();
      return result;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
  /** Floor: SQLCipher's KDF and first page read alone, no checks, no migrations. */
  'unlock-floor': () => {
    const dir = scratch();
    try {
      createWorkspace(join(dir, 'w.attest'), PASSPHRASE).close();
      return timed(() => {
        const db = openKeyed(join(dir, 'w.attest'), PASSPHRASE, { create: false });
        db.prepare('SELECT count(*) FROM sqlite_master').get();
        db.close();
        return 1;
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
  unlock: () => {
    const dir = scratch();
    try {
      createWorkspace(join(dir, 'w.attest'), PASSPHRASE).close();
      return timed(() => {
        openWorkspace(join(dir, 'w.attest'), PASSPHRASE).close();
        return 1;
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
  /** Floor: the same schema and rows into a plain, unencrypted better-sqlite3 file, one transaction. */
  'grants-insert-floor': () => {
    const dir = scratch();
    try {
      const db = new Database(join(dir, 'plain.db'));
      db.pragma('journal_mode = WAL');
      db.exec(coreModel.sql);
      const snapshot = seedSnapshot(db);
      // Timed to the end of close(): the WAL checkpoint is part of the cost of landing the rows.
      return timed(() => {
        const rows = db.transaction(() => writeGrants(db, snapshot, syntheticGrants()))();
        db.close();
        return rows;
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
  'grants-insert': () => {
    const dir = scratch();
    try {
      const ws = createWorkspace(join(dir, 'w.attest'), PASSPHRASE);
      const snapshot = seedSnapshot(ws.db);
      return timed(() => {
        const rows = ws.change('bench', 'bench.grants', () => writeGrants(ws.db, snapshot, syntheticGrants())).result;
        ws.close();
        return rows;
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

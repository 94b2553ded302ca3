import type Database from 'better-sqlite3-multiple-ciphers';
import { AttestError } from '../errors.js';
import type { RequestedSize } from './sample-size.js';
import type { SamplingMethod } from './select.js';

/** A stored sample, without its items. */
export interface SampleSummary {
  id: number;
  population: string;
  parameters: Record<string, string | number>;
  keyFields: string[];
  populationSize: number;
  populationSha256: string;
  method: SamplingMethod;
  algorithm: string;
  seed: string;
  seedSource: 'given' | 'generated';
  requested: RequestedSize;
  size: number;
  createdAt: string;
  createdBy: string;
}

export interface SampleItem {
  /** 1-based, in drawing order. */
  position: number;
  /** 0-based index in the population's sorted order. */
  populationIndex: number;
  key: string[];
}

export interface SampleDetail extends SampleSummary {
  items: SampleItem[];
}

const SELECT_SUMMARY = `SELECT id, population, parameters, key_fields AS keyFields, population_size AS populationSize,
  population_sha256 AS populationSha256, method, algorithm, seed, seed_source AS seedSource, requested, size,
  created_at AS createdAt, created_by AS createdBy FROM samples`;

type SummaryRow = Omit<SampleSummary, 'parameters' | 'keyFields' | 'requested'> & { parameters: string; keyFields: string; requested: string };

function summaryOf(row: SummaryRow): SampleSummary {
  return {
    ...row,
    parameters: JSON.parse(row.parameters) as SampleSummary['parameters'],
    keyFields: JSON.parse(row.keyFields) as string[],
    requested: JSON.parse(row.requested) as RequestedSize,
  };
}

/** Writes a drawn sample and its items; run inside the change's transaction. Returns its id. */
export function storeSample(db: Database.Database, sample: Omit<SampleDetail, 'id'>): number {
  const id = Number(
    db
      .prepare(
        `INSERT INTO samples (population, parameters, key_fields, population_size, population_sha256, method, algorithm, seed, seed_source, requested, size, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        sample.population,
        JSON.stringify(sample.parameters),
        JSON.stringify(sample.keyFields),
        sample.populationSize,
        sample.populationSha256,
        sample.method,
        sample.algorithm,
        sample.seed,
        sample.seedSource,
        JSON.stringify(sample.requested),
        sample.size,
        sample.createdAt,
        sample.createdBy,
      ).lastInsertRowid,
  );
  const insert = db.prepare('INSERT INTO sample_items (sample_id, position, population_index, item_key) VALUES (?, ?, ?, ?)');
  for (const item of sample.items) insert.run(id, item.position, item.populationIndex, JSON.stringify(item.key));
  return id;
}

export function listSamples(db: Database.Database): SampleSummary[] {
  return (db.prepare(`${SELECT_SUMMARY} ORDER BY id DESC`).all() as SummaryRow[]).map(summaryOf);
}

export function showSample(db: Database.Database, id: number): SampleDetail {
  const row = db.prepare(`${SELECT_SUMMARY} WHERE id = ?`).get(id) as SummaryRow | undefined;
  if (row === undefined) throw new AttestError('UNKNOWN_SAMPLE', `There is no sample #${id}. List the samples with "attest samples".`);
  const items = db.prepare('SELECT position, population_index AS populationIndex, item_key AS key FROM sample_items WHERE sample_id = ? ORDER BY position').all(id) as (Omit<SampleItem, 'key'> & { key: string })[];
  return { ...summaryOf(row), items: items.map((item) => ({ ...item, key: JSON.parse(item.key) as string[] })) };
}

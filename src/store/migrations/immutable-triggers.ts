/** Triggers that refuse UPDATE and DELETE on each table: rows auditors rely on never change. */
export function immutableTriggers(...tables: string[]): string {
  return tables
    .map(
      (t) => `
CREATE TRIGGER ${t}_no_update BEFORE UPDATE ON ${t} BEGIN SELECT RAISE(ABORT, '${t} rows are immutable'); END;
CREATE TRIGGER ${t}_no_delete BEFORE DELETE ON ${t} BEGIN SELECT RAISE(ABORT, '${t} rows are immutable'); END;`,
    )
    .join('\n');
}

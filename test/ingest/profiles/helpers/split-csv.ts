import type { TableRow } from '../../../../src/ingest/source.js';

/**
 * A test-only RFC 4180 splitter (the real reader streams and detects encodings and delimiters):
 * comma-separated, double-quoted fields with doubled quotes and line breaks inside, CRLF or LF, a
 * leading BOM dropped. Each row keeps the physical line it starts on; blank lines are skipped.
 */
export function splitCsv(text: string): { header: string[]; rows: TableRow[] } {
  const records: TableRow[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  const endRecord = (): void => {
    cells.push(field);
    if (cells.length > 1 || cells[0] !== '') records.push({ line: startLine, cells });
    cells = [];
    field = '';
  };
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      cells.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      endRecord();
      line++;
      startLine = line;
    } else field += ch;
  }
  if (quoted) throw new Error('CSV ends inside a quoted field');
  if (field !== '' || cells.length > 0) endRecord();
  const [header, ...rows] = records;
  if (!header) throw new Error('CSV has no header row');
  return { header: [...header.cells], rows };
}

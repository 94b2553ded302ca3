import { describe, expect, it } from 'vitest';
import { itemList, listCells, parseItemList, rowToken, workbookToken } from '../../src/campaigns/workbook-layout.js';

describe('workbook layout', () => {
  it('spreads a long item list over cells a spreadsheet can hold, and reads it back whole', () => {
    const entries = Array.from({ length: 12_000 }, (_, i) => ({ id: 100_000 + i, stage: 1 + (i % 3) }));
    const list = itemList(entries);
    const cells = listCells(list);
    expect(cells.length).toBeGreaterThan(1);
    for (const cell of cells) expect(cell.length).toBeLessThanOrEqual(32_767);
    expect(parseItemList(cells.join(' '))).toEqual(entries);
    expect(parseItemList('12:1 oops')).toBeNull();
  });

  it('ties tokens to the campaign key, the campaign, the reviewer and every cell', () => {
    const key = Buffer.alloc(32, 1);
    const cells = ['1', '1', 'App', 'alice', 'Admin'];
    const token = rowToken(key, 1, 'mgr@acme.test', cells);
    expect(rowToken(key, 1, 'mgr@acme.test', [...cells])).toBe(token);
    expect(rowToken(Buffer.alloc(32, 2), 1, 'mgr@acme.test', cells)).not.toBe(token);
    expect(rowToken(key, 2, 'mgr@acme.test', cells)).not.toBe(token);
    expect(rowToken(key, 1, 'ceo@acme.test', cells)).not.toBe(token);
    expect(rowToken(key, 1, 'mgr@acme.test', [...cells.slice(0, 4), 'Reader'])).not.toBe(token);
    expect(workbookToken(key, 1, 'mgr@acme.test', '1:1 2:1')).not.toBe(workbookToken(key, 1, 'mgr@acme.test', '1:1'));
  });
});

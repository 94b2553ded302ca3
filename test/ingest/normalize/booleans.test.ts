import { describe, expect, it } from 'vitest';
import { parseBoolean } from '../../../src/ingest/normalize/booleans.js';

describe('parseBoolean', () => {
  it.each(['true', 'TRUE', 'True', 'yes', 'Yes', 'Y', 'y', '1', 'on', 'ON', 'enabled', 'Enabled', ' yes '])('%j is true', (text) => {
    expect(parseBoolean(text)).toBe(true);
  });

  it.each(['false', 'FALSE', 'False', 'no', 'No', 'N', 'n', '0', 'off', 'disabled', 'Disabled', '\tno\t'])('%j is false', (text) => {
    expect(parseBoolean(text)).toBe(false);
  });

  it.each(['', '  ', undefined])('%j is empty (null)', (text) => {
    expect(parseBoolean(text)).toBeNull();
  });

  // Status words mean different things per system: profiles read them through their own vocabularies.
  it.each(['maybe', 'active', 'inactive', 'suspended', 'x', '✓', 't', 'f', '2', '-1', 'yes!', 'not_supported', 'N/A'])('%j is not yes/no (undefined)', (text) => {
    expect(parseBoolean(text)).toBeUndefined();
  });
});

/** Two aligned columns for human output. */
export function formatRows(rows: readonly (readonly [string, string | number])[]): string {
  const width = Math.max(0, ...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${typeof value === 'number' ? value.toLocaleString('en-US') : value}`).join('\n');
}

import { Table, type TableProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { HashCode } from '../HashCode';

export interface AttachmentRow {
  name: string;
  sha256: string | null;
  /** The middle column: a size, or the check's verdict. */
  detail: ReactNode;
}

export interface AttachmentTableProps extends Pick<TableProps, 'mt'> {
  label: string;
  detailHeader: string;
  detailAlign?: 'left' | 'right';
  rows: AttachmentRow[];
}

/** A pack's attached files: name, one detail, SHA-256. */
export function AttachmentTable({ label, detailHeader, detailAlign = 'left', rows, mt }: AttachmentTableProps) {
  return (
    <Table striped withTableBorder aria-label={label} verticalSpacing={6} fz="sm" mt={mt}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>File</Table.Th>
          <Table.Th ta={detailAlign}>{detailHeader}</Table.Th>
          <Table.Th>SHA-256</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((a) => (
          <Table.Tr key={a.name}>
            <Table.Td fw={500} style={{ whiteSpace: 'nowrap' }}>
              {a.name}
            </Table.Td>
            <Table.Td ta={detailAlign} style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
              {a.detail}
            </Table.Td>
            <Table.Td>{a.sha256 ? <HashCode value={a.sha256} /> : 'unreadable'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

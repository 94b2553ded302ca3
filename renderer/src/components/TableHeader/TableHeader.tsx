import { Table } from '@mantine/core';

export interface TableHeaderProps {
  /** Column titles; a pair puts numbers on the right. */
  columns: (string | [title: string, align: 'right'])[];
}

/** The header row of a Mantine table. */
export function TableHeader({ columns }: TableHeaderProps) {
  return (
    <Table.Thead>
      <Table.Tr>
        {columns.map((column) =>
          typeof column === 'string' ? (
            <Table.Th key={column}>{column}</Table.Th>
          ) : (
            <Table.Th key={column[0]} ta={column[1]}>
              {column[0]}
            </Table.Th>
          ),
        )}
      </Table.Tr>
    </Table.Thead>
  );
}

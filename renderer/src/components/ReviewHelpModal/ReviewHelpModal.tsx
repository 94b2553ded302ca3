import { Group, Kbd, Modal, Table, Text } from '@mantine/core';

/** The review screen's one keyboard scheme (docs/ui.md says the same). */
export const REVIEW_KEYS: [keys: string[], what: string][] = [
  [['j', '↓'], 'Next item'],
  [['k', '↑'], 'Previous item'],
  [['y'], 'Keep the access (saved; then the next pending item, or after a change the next item)'],
  [['x'], 'Revoke the access (saved; then the next pending item, or after a change the next item)'],
  [['u'], 'Undo your last decision in this campaign, even after a reload (a new record restores what was before)'],
  [['c'], 'Write a comment (sent with the next decision); Esc leaves the box'],
  [['b'], 'Bulk decision over a filter, confirmed with its count'],
  [['p', 'd', 'a'], 'Show your pending items, the ones you decided (y or x changes a decision), or all'],
  [['?'], 'This help'],
];

export function ReviewHelpModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard" size="md">
      <Table verticalSpacing={6} aria-label="Review keys">
        <Table.Tbody>
          {REVIEW_KEYS.map(([keys, what]) => (
            <Table.Tr key={what}>
              <Table.Td w={110}>
                <Group gap={4}>
                  {keys.map((k) => (
                    <Kbd key={k}>{k}</Kbd>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>{what}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt="sm">
        Keys act on the item shown; they do nothing while you type in a box.
      </Text>
    </Modal>
  );
}

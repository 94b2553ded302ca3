import { Group, Modal, Stack, Text, Title } from '@mantine/core';
import { AttestMark } from '../AttestMark';

export interface AboutModalProps {
  opened: boolean;
  onClose: () => void;
}

/** Help › About: what Attest is and which build this is. */
export function AboutModal({ opened, onClose }: AboutModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="About Attest" centered>
      <Stack gap="sm">
        <Group gap="sm">
          <AttestMark size={40} />
          <div>
            <Title order={3}>Attest</Title>
            <Text size="sm" c="dimmed">
              Version {__ATTEST_VERSION__}
            </Text>
          </div>
        </Group>
        <Text size="sm">
          An offline workstation for user-access reviews and access audits: population in, decisions made, evidence out, and every
          step provable.
        </Text>
        <Text size="sm" c="dimmed">
          Workspaces are encrypted files on this computer, and nothing leaves it.
        </Text>
      </Stack>
    </Modal>
  );
}

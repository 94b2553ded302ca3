import { Alert, Box, Container, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ApiError } from '../../../src/api/result';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { AttestMark } from '../components/AttestMark';
import { ColorSchemeToggle } from '../components/ColorSchemeToggle';
import { CreateWorkspaceForm } from '../components/CreateWorkspaceForm';
import { DemoCompanyForm } from '../components/DemoCompanyForm';
import { OpenWorkspaceForm } from '../components/OpenWorkspaceForm';

export interface WelcomePageProps {
  /** Called once a workspace is created or unlocked. */
  onUnlocked: () => void;
  /** A problem to show above the forms (for example, the app stopped answering). */
  notice: ApiError | null;
  /** Focus requests from the File menu, one counter per form, and the file Open Recent chose. */
  focus: { create: number; open: number; openPath?: string | undefined };
  /** Why the workspace was locked, when it was not the user's click (the idle timer). */
  lockedReason?: string | null;
}

function FormCard({ title, intro, children }: { title: string; intro: string; children: ReactNode }) {
  return (
    <Paper withBorder shadow="xs" p="xl" component="section" aria-label={title}>
      <Stack gap="md">
        <div>
          <Title order={2} size="h3">
            {title}
          </Title>
          <Text size="sm" c="dimmed" mt={4}>
            {intro}
          </Text>
        </div>
        {children}
      </Stack>
    </Paper>
  );
}

/** The first screen: create a workspace or unlock one. */
export function WelcomePage({ onUnlocked, notice, focus, lockedReason = null }: WelcomePageProps) {
  return (
    <Box bg="light-dark(var(--mantine-color-gray-0), var(--mantine-color-dark-8))" mih="100vh">
      <Container size="lg" py="xl">
        <Stack gap="xl">
          <Group justify="space-between">
            <Group gap="sm">
              <AttestMark size={36} />
              <Text fw={600} size="lg">
                Attest
              </Text>
            </Group>
            <ColorSchemeToggle />
          </Group>
          <div>
            <Title order={1}>Welcome to Attest</Title>
            <Text size="lg" c="dimmed" mt="xs" maw={760}>
              Access reviews that stand up to an audit. Everything you import, decide and sign stays in one encrypted workspace file
              on this computer.
            </Text>
          </div>
          <ApiErrorAlert error={notice} title="Attest needs your attention" />
          {lockedReason && (
            <Alert color="indigo" variant="light" title="The workspace was locked" role="status">
              {lockedReason}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, md: 2, lg: 3 }} spacing="xl">
            <FormCard title="Open a workspace" intro="Unlock a workspace you or a colleague created.">
              <OpenWorkspaceForm onUnlocked={onUnlocked} focusSignal={focus.open} requestedPath={focus.openPath} />
            </FormCard>
            <FormCard title="Create a workspace" intro="Start a new review or audit in a new encrypted file.">
              <CreateWorkspaceForm onUnlocked={onUnlocked} focusSignal={focus.create} />
            </FormCard>
            <FormCard title="Explore the demo company" intro="Northwind's HR roster and six systems, imported and analysed, with planted findings to discover.">
              <DemoCompanyForm onUnlocked={onUnlocked} />
            </FormCard>
          </SimpleGrid>
          <Text size="xs" c="dimmed" ta="center">
            {window.attest
              ? 'Nothing leaves this computer.'
              : 'Browser mode: served by this computer to this computer only (127.0.0.1). Nothing leaves it.'}
          </Text>
        </Stack>
      </Container>
    </Box>
  );
}

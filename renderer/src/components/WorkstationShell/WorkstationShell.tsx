import { AppShell, Badge, Burger, Button, Group, NavLink, ScrollArea, Stack, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { AttestMark } from '../AttestMark';
import { ColorSchemeToggle } from '../ColorSchemeToggle';

export interface NavItem {
  /** The route's first part (`#/identities`). */
  id: string;
  label: string;
  description: string;
}

export interface WorkstationShellProps {
  /** The organisation the workspace is for. */
  org: string;
  /** The workspace file, shown under the name. */
  path: string;
  items: NavItem[];
  /** The item shown now. */
  active: string;
  onNavigate: (id: string) => void;
  onLock: () => void;
  children: ReactNode;
}

/** The unlocked workspace's frame: the screens in a navbar, the workspace and Lock in the header. */
export function WorkstationShell({ org, path, items, active, onNavigate, onLock, children }: WorkstationShellProps) {
  const [opened, { toggle, close }] = useDisclosure();
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Show the screens" />
            <AttestMark size={28} />
            <Text fw={700}>Attest</Text>
            <Text c="dimmed" visibleFrom="sm">
              /
            </Text>
            <Tooltip label={path}>
              <Text fw={500} truncate maw={360} visibleFrom="sm" data-testid="workspace-org">
                {org || 'Workspace'}
              </Text>
            </Tooltip>
            <Badge color="teal" variant="light" visibleFrom="sm">
              Unlocked
            </Badge>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <ColorSchemeToggle />
            <Button variant="default" onClick={onLock}>
              Lock
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Screens">
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap={2}>
            {items.map((item) => (
              <NavLink
                key={item.id}
                href={`#/${item.id}`}
                label={item.label}
                description={item.description}
                active={item.id === active}
                aria-current={item.id === active ? 'page' : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  close();
                  onNavigate(item.id);
                }}
                styles={{ root: { borderRadius: 'var(--mantine-radius-md)' } }}
              />
            ))}
          </Stack>
        </AppShell.Section>
        <AppShell.Section>
          <Text size="xs" c="dimmed" px="sm" py="xs">
            {window.attest ? 'Nothing leaves this computer.' : 'Served to this computer only (127.0.0.1).'}
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}

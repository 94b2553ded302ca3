import { Box } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../../src/api/result';
import { call, onMenuCommand } from './api/client';
import { AboutModal } from './components/AboutModal';
import { WelcomePage } from './pages/Welcome.page';
import { WorkstationPage, type WorkspaceInfo } from './pages/Workstation.page';

type View = { kind: 'checking' } | { kind: 'locked' } | { kind: 'unlocked'; info: WorkspaceInfo };

/** Welcome until a workspace is unlocked, then the workspace; the File and Help menus drive both. */
export function App() {
  const [view, setView] = useState<View>({ kind: 'checking' });
  const [notice, setNotice] = useState<ApiError | null>(null);
  const [focus, setFocus] = useState({ create: 0, open: 0 });
  const [aboutOpened, setAboutOpened] = useState(false);
  const [lockedReason, setLockedReason] = useState<string | null>(null);

  // The host may already hold an unlocked workspace (a reload in the browser keeps the session).
  const showCurrentWorkspace = useCallback(async (): Promise<void> => {
    const info = await call('workspace.info', {});
    if (info.ok) {
      setNotice(null);
      setView({ kind: 'unlocked', info: info.value });
    } else {
      setNotice(info.error.code === 'NO_WORKSPACE_OPEN' ? null : info.error);
      setView({ kind: 'locked' });
    }
  }, []);

  const lock = useCallback(async (reason?: string): Promise<void> => {
    const closed = await call('workspace.close', {});
    if (closed.ok) {
      setNotice(null);
      setLockedReason(reason ?? null);
      setView({ kind: 'locked' });
    } else setNotice(closed.error);
  }, []);

  useEffect(() => {
    void showCurrentWorkspace();
  }, [showCurrentWorkspace]);

  useEffect(
    () =>
      onMenuCommand((command) => {
        if (command === 'about') setAboutOpened(true);
        else if (command === 'lock') void lock();
        else {
          // One workspace at a time: New or Open locks the current one first.
          const form = command === 'new' ? 'create' : 'open';
          void lock().then(() => setFocus((current) => ({ ...current, [form]: current[form] + 1 })));
        }
      }),
    [lock],
  );

  return (
    <>
      {view.kind === 'checking' && <Box mih="100vh" />}
      {view.kind === 'locked' && <WelcomePage onUnlocked={() => void showCurrentWorkspace()} notice={notice} focus={focus} lockedReason={lockedReason} />}
      {view.kind === 'unlocked' && <WorkstationPage info={view.info} onLock={(reason) => void lock(reason)} />}
      <AboutModal opened={aboutOpened} onClose={() => setAboutOpened(false)} />
    </>
  );
}

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
  const [focus, setFocus] = useState<{ create: number; open: number; openPath?: string }>({ create: 0, open: 0 });
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
      onMenuCommand((menu) => {
        if (menu.command === 'about') setAboutOpened(true);
        else if (menu.command === 'lock') void lock();
        else if (menu.command === 'forget') {
          // Lock and forget: the passphrase remembered for this workspace goes too.
          const path = view.kind === 'unlocked' ? view.info.path : null;
          void (path === null ? Promise.resolve() : call('secrets.forget', { path })).then(() => lock());
        } else if (menu.command === 'new') void lock().then(() => setFocus((current) => ({ ...current, create: current.create + 1 })));
        else {
          // One workspace at a time: Open locks the current one first; a recent or picked file fills the form.
          const openPath = 'path' in menu ? menu.path : undefined;
          void lock().then(() => setFocus((current) => ({ ...current, open: current.open + 1, openPath })));
        }
      }),
    [lock, view],
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

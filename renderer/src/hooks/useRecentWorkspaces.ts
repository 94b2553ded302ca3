import { useEffect, useState } from 'react';
import { onRecentWorkspaces, recentWorkspaces } from '../recent-files';

/** The recent workspaces, newest first, kept current while the screen shows them (null until read). */
export function useRecentWorkspaces(): string[] | null {
  const [recent, setRecent] = useState<string[] | null>(null);
  useEffect(() => {
    let live = true;
    void recentWorkspaces().then((paths) => live && setRecent(paths));
    const stop = onRecentWorkspaces((paths) => live && setRecent(paths));
    return () => {
      live = false;
      stop();
    };
  }, []);
  return recent;
}

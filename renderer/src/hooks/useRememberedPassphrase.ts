import { useCallback, useEffect, useState } from 'react';
import { call } from '../api/client';

export interface RememberedPassphrase {
  /** The host can remember a passphrase on this computer (the desktop app with a keychain). */
  available: boolean;
  /** A passphrase is remembered for the file named now. */
  remembered: boolean;
  /** Asks the host again (after an unlock or a forget). */
  refresh: () => void;
}

/** What the host says about "remember on this computer" for a workspace file (never offered in the browser). */
export function useRememberedPassphrase(path: string): RememberedPassphrase {
  const [status, setStatus] = useState({ available: false, remembered: false });
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    let current = true;
    void call('secrets.status', { path: path.trim() }).then((result) => {
      if (current) setStatus(result.ok ? result.value : { available: false, remembered: false });
    });
    return () => {
      current = false;
    };
  }, [path, asked]);
  const refresh = useCallback(() => setAsked((n) => n + 1), []);
  return { ...status, refresh };
}

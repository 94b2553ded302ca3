import { useCallback, useEffect, useState } from 'react';

function parse(hash: string): string[] {
  return hash
    .replace(/^#\/?/, '')
    .split('/')
    .filter((part) => part !== '')
    .map((part) => decodeURIComponent(part));
}

/**
 * The screen the workstation shows, kept in the URL's hash (`#/identities/E1043`): reload and the
 * browser's back button keep working, and nothing is sent to the host.
 */
export function useHashRoute(): [route: string[], navigate: (...parts: string[]) => void] {
  const [route, setRoute] = useState(() => parse(window.location.hash));
  useEffect(() => {
    const changed = (): void => setRoute(parse(window.location.hash));
    window.addEventListener('hashchange', changed);
    return () => window.removeEventListener('hashchange', changed);
  }, []);
  const navigate = useCallback((...parts: string[]) => {
    window.location.hash = `/${parts.map((part) => encodeURIComponent(part)).join('/')}`;
  }, []);
  return [route, navigate];
}

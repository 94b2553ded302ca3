import { useIdle } from '@mantine/hooks';
import { useEffect } from 'react';

/** Calls `lock` once nobody has touched the keyboard or mouse for `minutes` (0: never). */
export function useAutoLock(minutes: number, lock: () => void): void {
  const idle = useIdle(Math.max(1, minutes) * 60_000, { initialState: false });
  useEffect(() => {
    if (minutes > 0 && idle) lock();
  }, [idle, minutes, lock]);
}

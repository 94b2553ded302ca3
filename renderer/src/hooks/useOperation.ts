import { useCallback, useEffect, useState } from 'react';
import type { OperationInput, OperationName, OperationOutput } from '../../../src/api/contract';
import type { ApiError } from '../../../src/api/result';
import { call } from '../api/client';

export interface OperationState<K extends OperationName> {
  data: OperationOutput<K> | null;
  error: ApiError | null;
  loading: boolean;
  /** Calls again with the same input (after a change elsewhere). */
  reload: () => void;
}

/**
 * Calls a read operation when the component shows and whenever its input changes (compared by
 * value); a stale answer never overwrites a newer one. The previous data stays while reloading,
 * so that the screen does not jump.
 */
export function useOperation<K extends OperationName>(name: K, input: OperationInput<K>, enabled = true): OperationState<K> {
  const key = JSON.stringify(input);
  const [state, setState] = useState<{ data: OperationOutput<K> | null; error: ApiError | null; loading: boolean }>({ data: null, error: null, loading: enabled });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    void call(name, JSON.parse(key) as OperationInput<K>).then((result) => {
      if (!current) return;
      setState(result.ok ? { data: result.value, error: null, loading: false } : { data: null, error: result.error, loading: false });
    });
    return () => {
      current = false;
    };
  }, [name, key, enabled, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}

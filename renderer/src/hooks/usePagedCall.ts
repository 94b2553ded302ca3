import { useCallback } from 'react';
import type { OperationInput, OperationName } from '../../../src/api/contract';
import { call } from '../api/client';

/**
 * A VirtualTable's fetchPage for a paged operation under the given filters, and the key that
 * changes when the filters do (compared by value, so a re-render with equal filters keeps the rows).
 */
export function usePagedCall<K extends OperationName>(name: K, filters: Omit<OperationInput<K>, 'offset' | 'limit'>) {
  const queryKey = JSON.stringify(filters);
  const fetchPage = useCallback((offset: number, limit: number) => call(name, { ...(JSON.parse(queryKey) as object), offset, limit } as OperationInput<K>), [name, queryKey]);
  return { fetchPage, queryKey };
}

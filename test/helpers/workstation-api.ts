import type { OperationInput, OperationName, OperationOutput } from '../../src/api/contract.js';
import type { Workstation } from './workstation.js';

/**
 * The same API the page uses, called by a test over the same serve host (the token as a Bearer
 * header): what the screens show is compared with what it returns.
 */
export function workstationApi(current: () => Workstation) {
  return async function api<K extends OperationName>(name: K, input: OperationInput<K>): Promise<OperationOutput<K>> {
    const { server } = current();
    const response = await fetch(`http://127.0.0.1:${server.port}/api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
      body: JSON.stringify(input),
    });
    const result = (await response.json()) as { ok: true; value: OperationOutput<K> } | { ok: false; error: { code: string } };
    if (!result.ok) throw new Error(`${name}: ${result.error.code}`);
    return result.value;
  };
}

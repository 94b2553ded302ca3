import type { Result } from '../../src/api/result.js';

/** The workspace file a successful call opened or created, if it did: what File › Open Recent learns. */
export function openedWorkspacePath(name: string, result: Result<unknown>): string | null {
  if (!result.ok) return null;
  const value = result.value as { path?: unknown; workspace?: unknown };
  switch (name) {
    case 'workspace.open':
    case 'workspace.openRemembered':
    case 'workspace.create':
      return typeof value.path === 'string' ? value.path : null;
    case 'demo.create':
      return typeof value.workspace === 'string' ? value.workspace : null;
    default:
      return null;
  }
}

import type { Workspace } from './workspace.js';

/** Preferences kept in the workspace (`meta`), so that they travel with the file. */
export interface WorkspaceSettings {
  /** Lock the workspace after this many minutes without input; 0 never locks. */
  autoLockMinutes: number;
  /** A system whose newest snapshot is older than this many days is stale. */
  staleDays: number;
}

export const DEFAULT_SETTINGS: WorkspaceSettings = { autoLockMinutes: 15, staleDays: 30 };

const META_KEYS: Record<keyof WorkspaceSettings, string> = { autoLockMinutes: 'settings.auto_lock_minutes', staleDays: 'settings.stale_days' };

export function readSettings(ws: Workspace): WorkspaceSettings {
  const read = (key: keyof WorkspaceSettings): number => {
    const value = Number(ws.getMeta(META_KEYS[key]) ?? Number.NaN);
    return Number.isInteger(value) && value >= 0 ? value : DEFAULT_SETTINGS[key];
  };
  return { autoLockMinutes: read('autoLockMinutes'), staleDays: read('staleDays') };
}

/** Changes the settings given (others keep their value); the change is in the audit trail. */
export function updateSettings(ws: Workspace, changes: Partial<WorkspaceSettings>, operator: string): WorkspaceSettings {
  const before = readSettings(ws);
  const given = Object.entries(changes).filter((entry): entry is [keyof WorkspaceSettings, number] => entry[1] !== undefined);
  ws.change(
    operator,
    'settings.update',
    () => {
      for (const [key, value] of given) ws.setMeta(META_KEYS[key], String(value));
    },
    () => ({ from: before, to: Object.fromEntries(given) }),
  );
  return readSettings(ws);
}

import type { Workspace } from './workspace.js';

/** Preferences kept in the workspace (`meta`), so that they travel with the file. */
export interface WorkspaceSettings {
  /** Who the audit trail names for this workspace's changes; empty: the computer's user name. */
  operator: string;
  /** Lock the workspace after this many minutes without input; 0 never locks. */
  autoLockMinutes: number;
  /** A system whose newest snapshot is older than this many days is stale. */
  staleDays: number;
  /** An account unused for this many days is dormant (the analysis's default threshold). */
  dormantDays: number;
}

type NumberSetting = Exclude<keyof WorkspaceSettings, 'operator'>;

export const DEFAULT_SETTINGS: WorkspaceSettings = { operator: '', autoLockMinutes: 15, staleDays: 30, dormantDays: 90 };

/** `operator` is the key workspace creation already writes (`attest init --operator`). */
const META_KEYS: Record<keyof WorkspaceSettings, string> = {
  operator: 'operator',
  autoLockMinutes: 'settings.auto_lock_minutes',
  staleDays: 'settings.stale_days',
  dormantDays: 'settings.dormant_days',
};

export function readSettings(ws: Workspace): WorkspaceSettings {
  const read = (key: NumberSetting): number => {
    const value = Number(ws.getMeta(META_KEYS[key]) ?? Number.NaN);
    return Number.isInteger(value) && value >= 0 ? value : DEFAULT_SETTINGS[key];
  };
  return { operator: ws.getMeta(META_KEYS.operator) ?? '', autoLockMinutes: read('autoLockMinutes'), staleDays: read('staleDays'), dormantDays: read('dormantDays') };
}

/** Changes the settings given (others keep their value); the change is in the audit trail, named for whoever made it. */
export function updateSettings(ws: Workspace, changes: Partial<WorkspaceSettings>, operator: string): WorkspaceSettings {
  const before = readSettings(ws);
  const given = Object.entries(changes).filter((entry): entry is [keyof WorkspaceSettings, number | string] => entry[1] !== undefined);
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

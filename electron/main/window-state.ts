import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { app, screen, type BrowserWindow, type Rectangle } from 'electron';

/** The window's size and place, remembered between launches in the user-data folder (no workspace data). */
interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

const stateFile = (): string => join(app.getPath('userData'), 'window-state.json');

function isRectangle(value: unknown): value is Rectangle {
  const r = value as Partial<Rectangle> | null;
  return r !== null && typeof r === 'object' && [r.x, r.y, r.width, r.height].every((n) => typeof n === 'number' && Number.isFinite(n));
}

/** The saved state, if it is well formed and still lands on a connected display. */
export function savedWindowState(): WindowState | null {
  try {
    const saved = JSON.parse(readFileSync(stateFile(), 'utf8')) as { bounds?: unknown; maximized?: unknown };
    if (!isRectangle(saved.bounds)) return null;
    const area = screen.getDisplayMatching(saved.bounds).workArea;
    const visible = saved.bounds.x < area.x + area.width && saved.bounds.x + saved.bounds.width > area.x && saved.bounds.y < area.y + area.height && saved.bounds.y + saved.bounds.height > area.y;
    return visible ? { bounds: saved.bounds, maximized: saved.maximized === true } : null;
  } catch {
    return null;
  }
}

/** Saves the window's normal bounds when it closes. */
export function rememberWindowState(window: BrowserWindow): void {
  window.on('close', () => {
    const state: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
    try {
      writeFileSync(stateFile(), JSON.stringify(state));
    } catch {
      // Not remembering the size is no reason to stop a close.
    }
  });
}

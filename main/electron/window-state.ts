// The main window reopens where the analyst left it. Saved as a small JSON file in userData; on
// load it is checked against the displays attached now, so a window last shown on an unplugged
// monitor comes back on a visible one instead of off-screen.
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, Rectangle } from 'electron';
import { writeFileAtomicSync } from '../atomic-write';

export const WINDOW_STATE_FILE = 'window-state.json';
export const DEFAULT_SIZE = { width: 1280, height: 840 } as const;
export const MIN_SIZE = { width: 720, height: 480 } as const;
/** How much of a saved window must lie on a display (its title bar, roughly) for the position to be kept. */
const MIN_VISIBLE = { width: 160, height: 48 } as const;

export interface WindowState {
  /** Absent when the window should be centred by the OS. */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const defaultWindowState = (): WindowState => ({ ...DEFAULT_SIZE, maximized: false });

/** Reads the saved state; a missing or unreadable file gives the default, never an error. */
export function readWindowState(file: string): WindowState {
  try {
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : undefined);
    const width = num(raw.width);
    const height = num(raw.height);
    if (width === undefined || height === undefined) return defaultWindowState();
    const x = num(raw.x);
    const y = num(raw.y);
    return { ...(x !== undefined && y !== undefined ? { x, y } : {}), width, height, maximized: raw.maximized === true };
  } catch {
    return defaultWindowState();
  }
}

/**
 * Fits a saved state to the displays' work areas: size shrunk to the display it is on (never
 * below the minimum), position kept only if enough of the window is visible there.
 */
export function fitToDisplays(state: WindowState, workAreas: readonly Rectangle[]): WindowState {
  const width = Math.max(MIN_SIZE.width, state.width);
  const height = Math.max(MIN_SIZE.height, state.height);
  const primary = workAreas[0];
  if (state.x === undefined || state.y === undefined) {
    return { width: fit(width, primary?.width), height: fit(height, primary?.height), maximized: state.maximized };
  }
  const bounds = { x: state.x, y: state.y, width, height };
  const home = workAreas.find((area) => overlap(bounds, area).width >= MIN_VISIBLE.width && overlap(bounds, area).height >= MIN_VISIBLE.height);
  if (!home) return { width: fit(width, primary?.width), height: fit(height, primary?.height), maximized: state.maximized };
  const w = fit(width, home.width);
  const h = fit(height, home.height);
  // Pull the window fully onto its display: its title bar must never sit above or beside the screen.
  const x = Math.min(Math.max(bounds.x, home.x), home.x + home.width - w);
  const y = Math.min(Math.max(bounds.y, home.y), home.y + home.height - h);
  return { x, y, width: w, height: h, maximized: state.maximized };
}

/** Saves the window's normal (un-maximized) bounds and whether it was maximized; written atomically and flushed. */
export function writeWindowState(file: string, window: BrowserWindow): void {
  const bounds = window.getNormalBounds();
  const state: WindowState = { ...bounds, maximized: window.isMaximized() };
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    writeFileAtomicSync(file, `${JSON.stringify(state)}\n`);
  } catch (err) {
    // Losing the window position is not worth bothering the user about.
    console.error('[verbatim] could not save the window position:', err);
  }
}

function fit(size: number, available: number | undefined): number {
  return available ? Math.min(size, Math.max(available, 1)) : size;
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

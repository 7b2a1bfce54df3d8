// Where the library lives by default: the same per-user folder Electron's app.getPath('userData')
// gives an app named "Verbatim", so the CLI and the desktop app open the same file.
import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Verbatim';
export const LIBRARY_FILE = 'library.sqlite';

export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
}

/** `--db` wins, then VERBATIM_DB, then the user-data folder. */
export function defaultLibraryPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.VERBATIM_DB || path.join(userDataDir(env), LIBRARY_FILE);
}

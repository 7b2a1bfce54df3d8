// IPC channel names, shared by the main side and the preload so the two cannot drift apart.
// No Electron import here: the preload bundle and Node tests both load this file.
import type { CallName } from '../../shared/contract';

/** Every contract call travels on its own channel, so main can register exactly the known names. */
export const callChannel = (name: CallName): string => `verbatim:${name}`;

/** Main → renderer: one of shared/bridge's menu commands. Not a call name (those contain a dot). */
export const MENU_CHANNEL = 'verbatim:menu';

// The object the Electron preload puts on `window.verbatim`: a method per contract call, and a way
// to hear the app menu. Browser mode has no bridge; the renderer then speaks HTTP.
import type { CallName, CallResult } from './contract';

/** Commands the app menu sends to the renderer. */
export type MenuCommand = 'import' | 'import-url' | 'new-briefing' | 'export-pdf' | 'toggle-theme' | 'focus-search' | 'library-changed' | 'team' | 'about';
export const menuCommands: readonly MenuCommand[] = ['import', 'import-url', 'new-briefing', 'export-pdf', 'toggle-theme', 'focus-search', 'library-changed', 'team', 'about'];

export interface VerbatimBridge {
  call: { [N in CallName]: (input: unknown) => Promise<CallResult<N>> };
  onMenu(listener: (command: MenuCommand) => void): () => void;
}

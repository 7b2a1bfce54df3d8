// The desktop app's start-up flow (main/electron/open-library.ts) against a real library file, run
// in a child process so it can be another user or inside a mount namespace. The dialog is a
// stand-in that records what it was shown and presses the button named on the command line.
//
//   node --import tsx tests/reliability/workers/open-desktop.ts LIBRARY BUTTON   → one JSON line
import type { MessageBoxOptions } from 'electron';
import { openLibraryOrAsk } from '../../../main/electron/open-library';

const [library, button] = process.argv.slice(2) as [string, string];
const boxes: MessageBoxOptions[] = [];
const errors: { title: string; content: string }[] = [];
const lib = await openLibraryOrAsk(library, {
  showMessageBox: async (options) => {
    boxes.push(options);
    const i = options.buttons!.indexOf(button);
    return { response: i < 0 ? options.cancelId! : i };
  },
  showErrorBox: (title, content) => void errors.push({ title, content }),
});
const result = { opened: !!lib, readOnly: lib?.readOnly ?? null, warnings: lib?.warnings ?? [], boxes, errors };
lib?.close();
process.stdout.write(`${JSON.stringify(result)}\n`);

// The desktop app opening a damaged library (main/electron/open-library.ts): the analyst is told,
// offered the newest backup, and the damaged file is kept; choosing Quit changes nothing. Real
// library files, real damage; only Electron's dialog is a stand-in that answers as the user would.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { MessageBoxOptions } from 'electron';
import { openLibraryOrAsk, type LibraryDialogs } from '../../main/electron/open-library';
import { openLibrary } from '../../main/store/open';
import { takeBackup } from '../../main/store/backup';
import { createServices } from '../../main/services';
import { paste, sampleArticle, tempDir } from './helpers';

/** A dialog that records what it was shown and answers with the given button. */
function answering(button: string) {
  const boxes: MessageBoxOptions[] = [];
  const errors: { title: string; content: string }[] = [];
  const dialogs: LibraryDialogs = {
    showMessageBox: async (options) => {
      boxes.push(options);
      const response = options.buttons!.indexOf(button);
      return { response: response < 0 ? options.cancelId! : response };
    },
    showErrorBox: (title, content) => void errors.push({ title, content }),
  };
  return { dialogs, boxes, errors };
}

/** A library with one article and a backup of it, then its header overwritten. */
async function damagedLibrary(withBackup = true) {
  const file = path.join(tempDir(), 'library.sqlite');
  const lib = await openLibrary(file);
  await createServices(lib).importer.import(paste(sampleArticle()));
  const backup = withBackup ? await takeBackup(lib.db, file, 'manual') : null;
  lib.close();
  const bytes = fs.readFileSync(file);
  bytes.write('Definitely not SQLite', 0, 'latin1');
  fs.writeFileSync(file, bytes);
  return { file, bytes, backup };
}

describe('opening the library in the desktop app', () => {
  it('offers the newest backup for a damaged library, restores it, and keeps the damaged file', async () => {
    const { file, bytes, backup } = await damagedLibrary();
    const ui = answering('Restore newest backup');
    const lib = await openLibraryOrAsk(file, ui.dialogs);
    expect(lib).not.toBeNull();
    try {
      expect(ui.boxes).toHaveLength(1);
      expect(ui.boxes[0]).toMatchObject({ message: 'Your library is damaged.', detail: expect.stringContaining(backup!.path) });
      // Enter (the default button) and Esc both quit: a restore is only ever chosen on purpose.
      const box = ui.boxes[0]!;
      expect([box.buttons![box.defaultId!], box.buttons![box.cancelId!]]).toEqual(['Quit', 'Quit']);
      expect(createServices(lib!).library.list({}).items).toHaveLength(1);
    } finally {
      lib!.close();
    }
    const dir = path.dirname(file);
    const others = fs.readdirSync(dir).filter((f) => f !== path.basename(file) && fs.statSync(path.join(dir, f)).isFile());
    expect(others.some((f) => fs.readFileSync(path.join(dir, f)).equals(bytes)), `the damaged file is kept among ${others.join(', ')}`).toBe(true);
  });

  it('changes nothing when the analyst chooses Quit', async () => {
    const { file, bytes } = await damagedLibrary();
    const ui = answering('Quit');
    expect(await openLibraryOrAsk(file, ui.dialogs)).toBeNull();
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('says so when there is no backup to offer, and changes nothing', async () => {
    const { file, bytes } = await damagedLibrary(false);
    const ui = answering('Restore newest backup');
    expect(await openLibraryOrAsk(file, ui.dialogs)).toBeNull();
    expect(ui.boxes[0]!.buttons).toEqual(['Quit']);
    expect(ui.boxes[0]!.detail).toMatch(/No backup of it exists yet/);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('explains a library from a newer Verbatim and leaves it untouched', async () => {
    const file = path.join(tempDir(), 'library.sqlite');
    (await openLibrary(file)).close();
    const db = new Database(file);
    db.pragma('user_version = 999');
    db.close();
    const before = fs.readFileSync(file);
    const ui = answering('Quit');
    expect(await openLibraryOrAsk(file, ui.dialogs)).toBeNull();
    expect(ui.errors).toEqual([{ title: 'Your library is from a newer Verbatim', content: expect.stringMatching(/written by a newer version of Verbatim/) }]);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});

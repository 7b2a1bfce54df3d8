// The one atomic write (main/atomic-write.ts), in its synchronous form: what the window's place
// is saved with as the app closes.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomicSync } from '../../main/atomic-write';
import { tempDir } from './helpers';

describe('writeFileAtomicSync', () => {
  it('writes the whole file, replaces an old one keeping its permissions, and leaves no partial file', () => {
    const dir = tempDir();
    const file = path.join(dir, 'window-state.json');
    writeFileAtomicSync(file, '{"width":1280}\n');
    expect(fs.readFileSync(file, 'utf8')).toBe('{"width":1280}\n');
    fs.chmodSync(file, 0o600);
    writeFileAtomicSync(file, '{"width":900}\n');
    expect(fs.readFileSync(file, 'utf8')).toBe('{"width":900}\n');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual(['window-state.json']);
  });

  it('leaves the old file as it was when the new one cannot be put in its place', () => {
    const dir = tempDir();
    const target = path.join(dir, 'taken');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'inside'), 'kept');
    // Renaming a file over a folder fails: the folder and what is in it stay, and no partial file is left.
    expect(() => writeFileAtomicSync(target, 'new')).toThrow();
    expect(fs.readFileSync(path.join(target, 'inside'), 'utf8')).toBe('kept');
    expect(fs.readdirSync(dir)).toEqual(['taken']);
  });
});

// UTF-32 files: with a BOM they were read as UTF-16 and imported with a NUL between characters;
// without one they were refused as binary. Now they are recognised both ways and decoded.
import { describe, expect, it } from 'vitest';
import { fileInput, tempLibrary } from '../unit/helpers';

const text = 'Seoul presses Tokyo on wartime labor.\n\n金正男 said 𠮷野家 talks resume 🇰🇷 next week; Ünlü noted “sincerity”.\n';

function utf32(s: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const cps = [...(bom ? '\uFEFF' : ''), ...s].map((c) => c.codePointAt(0)!);
  const view = new DataView(new ArrayBuffer(cps.length * 4));
  cps.forEach((cp, i) => view.setUint32(i * 4, cp, littleEndian));
  return new Uint8Array(view.buffer);
}

describe('UTF-32 files', () => {
  it.each([
    ['little-endian with BOM', true, true],
    ['big-endian with BOM', false, true],
    ['little-endian without BOM', true, false],
    ['big-endian without BOM', false, false],
  ])('%s import as the text they hold', async (_name, le, bom) => {
    const { services } = await tempLibrary();
    const r = await services.importer.import(fileInput('utf32.txt', utf32(text, le, bom)));
    expect(r).toMatchObject({ status: 'imported' });
    expect(r.warnings ?? []).toEqual([]);
    const stored = services.library.get(r.id!).text;
    expect(stored).not.toContain('\u0000');
    expect(stored).toBe(text.trim());
  });

  it('a damaged one imports what is readable, with a warning', async () => {
    const { services } = await tempLibrary();
    const bytes = utf32(text, true, true);
    new DataView(bytes.buffer).setUint32(8, 0x110000, true); // the "e": past Unicode
    const truncated = bytes.subarray(0, bytes.length - 2);
    const r = await services.importer.import(fileInput('damaged.txt', truncated));
    expect(r).toMatchObject({ status: 'imported', warnings: [expect.stringMatching(/not valid UTF-32; 2 unreadable characters/)] });
    expect(services.library.get(r.id!).text).toMatch(/^S\uFFFDoul presses Tokyo/);
  });

  it('UTF-16 and binary files are not mistaken for it', async () => {
    const { services } = await tempLibrary();
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const r16 = await services.importer.import(fileInput('utf16.txt', utf16));
    expect(services.library.get(r16.id!).text).toBe(text.trim());
    const binary = new Uint8Array(4096).map((_, i) => (i * 37) % 251);
    expect(await services.importer.import(fileInput('random.txt', binary))).toMatchObject({ status: 'failed' });
  });
});

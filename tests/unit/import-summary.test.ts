// File ▸ Import… in the desktop app: after a batch, the analyst hears about failures, duplicates
// and warnings — and is not bothered when everything went in cleanly.
import { describe, expect, it } from 'vitest';
import { importSummary } from '../../main/electron/import-summary';

describe('the summary after a desktop import', () => {
  it('says nothing when every file was imported cleanly', () => {
    expect(importSummary([{ file: '/a/one.txt', status: 'imported', id: 1, title: 'One' }])).toBeNull();
  });

  it('names duplicates and warnings even when nothing failed', () => {
    const box = importSummary([
      { file: '/a/one.txt', status: 'imported', id: 1, title: 'One' },
      { file: '/a/again.txt', status: 'duplicate', id: 1, title: 'One' },
      { file: '/a/latin.txt', status: 'imported', id: 2, title: 'Two', warnings: ['invalid UTF-8 was replaced with �.'] },
    ])!;
    expect(box).toMatchObject({ type: 'info', message: '2 of 3 files were imported.' });
    expect(box.detail).toContain('again.txt: already in the library as “One”; not stored again.');
    expect(box.detail).toContain('latin.txt: imported, but invalid UTF-8 was replaced with �.');
  });

  it('leads with failures, naming each file and its reason, and counts what went in', () => {
    const box = importSummary([
      { file: '/a/blob.html', status: 'failed', error: 'This looks like a binary file.' },
      { file: '/a/slides.pptx', status: 'failed', error: 'Unsupported file type.' },
      { file: '/a/one.txt', status: 'imported', id: 1, title: 'One' },
    ])!;
    expect(box).toMatchObject({ type: 'warning', message: '2 of 3 files could not be imported.' });
    expect(box.detail!.split('\n')).toEqual(['blob.html: This looks like a binary file.', 'slides.pptx: Unsupported file type.', '', '1 file was imported.']);
  });
});

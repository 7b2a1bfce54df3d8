// Files saved by older Windows tools are Windows-1252 (or Latin-1), not UTF-8. They are recognised
// and decoded, so “smart quotes”, é and € arrive intact; only a real doubt earns a warning.
import { describe, expect, it } from 'vitest';
import { fileInput, tempLibrary } from './helpers';

/** Windows-1252 bytes, as Notepad or Word's "Plain text" would write them. */
const cp1252 = (s: string) =>
  Buffer.from(
    Array.from(s, (ch) => {
      const special: Record<string, number> = { '“': 0x93, '”': 0x94, '’': 0x92, '€': 0x80, '—': 0x97 };
      if (special[ch] !== undefined) return special[ch];
      const code = ch.charCodeAt(0);
      if (code > 0xff) throw new Error(`${ch} is not in Windows-1252`);
      return code;
    }),
  );

const statement =
  'Seoul’s foreign ministry said on Thursday: “We will not accept a sell-off of the seized assets.” ' +
  'The talks, held at a café near the ministry, ended without a deal — the costs run to €2.4 million.\n\n' +
  'Japan’s envoy said the two sides would “continue to communicate closely” and meet again next month in Tokyo.';

describe('legacy 8-bit text files', () => {
  it('decodes Windows-1252 smart quotes, é and € without a warning', async () => {
    const { services } = await tempLibrary();
    const bytes = cp1252(statement);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const r = await services.importer.import(fileInput('statement.txt', bytes));
    expect(r.status).toBe('imported');
    expect(r.warnings).toBeUndefined();
    const a = services.library.get(r.id!);
    expect(a.text).toContain('“We will not accept a sell-off of the seized assets.”');
    expect(a.text).toContain('at a café near the ministry');
    expect(a.text).toContain('€2.4 million');
    expect(a.text).not.toContain('\uFFFD');
  });

  it('decodes Latin-1 German text', async () => {
    const { services } = await tempLibrary();
    const text = 'Die Gespräche über die Zukunft der Beziehungen wurden am Montag in München fortgesetzt, sagte der Außenminister.';
    const r = await services.importer.import(fileInput('bericht.txt', Buffer.from(text, 'latin1')));
    expect(r.warnings).toBeUndefined();
    expect(services.library.get(r.id!).text).toBe(text);
  });

  it('decodes a saved page without a declared charset', async () => {
    const { services } = await tempLibrary();
    const html = Buffer.concat([Buffer.from('<html><head><title>Talks</title></head><body><p>'), cp1252(statement.split('\n\n')[0]!), Buffer.from('</p></body></html>')]);
    const r = await services.importer.import(fileInput('page.html', html));
    expect(r.warnings).toBeUndefined();
    expect(services.library.get(r.id!).text).toContain('“We will not accept');
  });

  it('warns when a short file leaves the encoding in doubt, and says what it guessed', async () => {
    const { services } = await tempLibrary();
    const r = await services.importer.import(fileInput('note.txt', Buffer.from('Caf\xe9 talks', 'latin1')));
    expect(r.status).toBe('imported');
    expect(r.warnings?.[0]).toMatch(/not UTF-8.*Windows-1252/);
    expect(services.library.get(r.id!).text).toBe('Café talks');
  });

  it('keeps UTF-8 with a damaged byte as UTF-8, marking the damage', async () => {
    const { services } = await tempLibrary();
    const bytes = Buffer.concat([Buffer.from('Café society — “quoted” statement about the talks in Zürich. '), Buffer.from([0xff]), Buffer.from(' More text.')]);
    const r = await services.importer.import(fileInput('damaged.txt', bytes));
    expect(r.warnings?.[0]).toMatch(/not valid UTF-8/);
    expect(services.library.get(r.id!).text).toBe('Café society — “quoted” statement about the talks in Zürich. \uFFFD More text.');
  });
});

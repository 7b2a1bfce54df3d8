// The import dialog sends a clipboard's HTML flavour as HTML, whatever tag it happens to start with.
import { describe, expect, it } from 'vitest';
import { paste, tempLibrary } from './helpers';

describe('a pasted HTML flavour', () => {
  it('is read as HTML (sanitised) when the caller says so, even when it starts with an inline tag', async () => {
    const { services } = await tempLibrary();
    const html = '<a href="https://example.com/a">Seoul</a> said on Thursday.<h2>Reaction</h2><ul><li>Tokyo</li></ul><img src=x onerror="alert(1)">';
    const r = await services.importer.import(paste(html, { format: 'html' }));
    const a = services.library.get(r.id!);
    expect(a.sourceFormat).toBe('html');
    const json = JSON.stringify(a.doc);
    expect(json).toContain('"heading"');
    expect(json).toContain('"bullet_list"');
    expect(json).toContain('https://example.com/a');
    expect(json).not.toContain('onerror');
    expect(a.text).not.toContain('<');
  });
});

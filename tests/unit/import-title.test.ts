// The title an import finds on its own: the analyst should rarely have to retype it.
import { describe, expect, it } from 'vitest';
import { fileInput, paste, tempLibrary } from './helpers';

const story = (first: string) =>
  `${first}\n\nWASHINGTON — The United States on Thursday formally accused Russia of a campaign of cyberattacks against political organisations, officials said.\n\nThe statement was issued jointly by two agencies.`;

describe('the title found in the text', () => {
  it('takes a short first line ending in a full stop whole, not up to the first abbreviation', async () => {
    const { services } = await tempLibrary();
    const r = await services.importer.import(fileInput('hack.txt', story('U.S. officially condemns Russia over hacking.')));
    expect(r.title).toBe('U.S. officially condemns Russia over hacking');
  });

  it('does not stop a first sentence at an abbreviation when the first paragraph is long', async () => {
    const { services } = await tempLibrary();
    const long =
      'Gen. Mark Milley told the U.S. Senate on Tuesday that he had called his Chinese counterpart twice. He said the calls were routine and coordinated with the Pentagon, and that notes were taken by a dozen officials in the room.';
    const r = await services.importer.import(paste(`${long}\n\nMore follows.`));
    expect(r.title).toBe('Gen. Mark Milley told the U.S. Senate on Tuesday that he had called his Chinese counterpart twice');
  });

  it('handles a title-case headline with an initialism', async () => {
    const { services } = await tempLibrary();
    const r = await services.importer.import(paste(story('U.K. Sanctions Hit Russian Banks.')));
    expect(r.title).toBe('U.K. Sanctions Hit Russian Banks');
  });

  it('cuts a very long detected title at a word, within the title limit', async () => {
    const { services } = await tempLibrary();
    const words = Array.from({ length: 300 }, (_, i) => `word${i}`).join(' ');
    const html = `<html><head><title>${words}</title></head><body><p>Body text of the page, long enough to be the article itself for the reader.</p></body></html>`;
    const r = await services.importer.import(fileInput('page.html', html));
    expect(r.status).toBe('imported');
    expect(r.title!.length).toBeLessThanOrEqual(300);
    expect(r.title).toMatch(/^word0 word1 .* word\d+…$/);
  });
});

// A landscape figure in a briefing, exported: live figures drawn from the library as it is at
// export, frozen ones from their stored scene; inline SVG in HTML (and so in the PDF), an SVG with
// a PNG beside it in Word, a data: image in Markdown; a figure whose topic is gone says so.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { briefingSchema } from '../../shared/schema/briefing';
import { drawFigure, type FigureAttrs } from '../../shared/landscape/figure';
import { codedLibrary } from './coding-helpers';

const decode = (base64: string) => Buffer.from(base64, 'base64');

async function briefingWithFigure(attrs: Partial<FigureAttrs> = {}) {
  const t = await codedLibrary();
  const figure: FigureAttrs = { query: { type: 'actor-position', topicId: t.topic.id }, colouring: 'kind', caption: 'Who stands where on wartime labor', frozen: null, ...attrs };
  const doc = briefingSchema.node('doc', null, [briefingSchema.node('paragraph', null, briefingSchema.text('Before the figure.')), briefingSchema.nodes.figure!.create(figure)]);
  const b = t.services.briefings.create({ template: 'blank', title: 'Landscape note' });
  t.services.briefings.save(b.id, doc.toJSON());
  return { ...t, briefingId: b.id };
}

describe('a figure in an exported briefing', () => {
  it('draws a live figure as inline SVG in HTML, naming the actors, with its number, caption and source line', async () => {
    const t = await briefingWithFigure();
    const html = decode((await t.services.exporter.briefing(t.briefingId, 'html')).base64).toString('utf8');
    const figure = /<figure class="landscape-figure[^"]*">([\s\S]*?)<\/figure>/.exec(html)?.[1] ?? '';
    expect(figure).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(figure).toContain('>Kim Jung Han</text>');
    expect(figure).toContain('>Shigeki Takizaki</text>');
    expect(figure).toContain('<span class="figure-number">Figure 1.</span> Who stands where on wartime labor.');
    expect(figure).toContain('3 quotes from 1 article, 2020-10-29.');
  });

  it('is live: coding done after the figure was inserted shows in the next export', async () => {
    const t = await briefingWithFigure();
    const newcomer = t.services.codebook.createActor({ name: 'Moon Jae-in' });
    t.services.annotations.create({ articleId: t.articleId, kind: 'quote', ...t.at('the problem'), speakerId: newcomer.id, positions: [{ positionId: t.sincerity.id, stance: 'supports' }] });
    const html = decode((await t.services.exporter.briefing(t.briefingId, 'html')).base64).toString('utf8');
    expect(html).toContain('>Moon Jae-in</text>');
    expect(html).toContain('4 quotes from 1 article');
  });

  it('keeps a frozen figure as it was, whatever the library does since', async () => {
    const t = await codedLibrary();
    const frozen = drawFigure(t.services.landscape.network({ type: 'actor-position' }));
    const b = await briefingWithFigure({ frozen });
    for (const q of [b.q1, b.q2, b.q3]) b.services.annotations.delete(q.id);
    const html = decode((await b.services.exporter.briefing(b.briefingId, 'html')).base64).toString('utf8');
    expect(html).toContain('>Kim Jung Han</text>');
    expect(html).toContain('3 quotes from 1 article, 2020-10-29.');
  });

  it('says so when the topic a live figure was drawn from has been deleted', async () => {
    // A topic deleted since: none has this id.
    const t = await briefingWithFigure({ query: { type: 'congruence', topicId: 9_999 } });
    const html = decode((await t.services.exporter.briefing(t.briefingId, 'html')).base64).toString('utf8');
    expect(html).toContain('The topic this figure was drawn from is no longer in the codebook.');
    expect(html).not.toContain('<svg');
    const md = decode((await t.services.exporter.briefing(t.briefingId, 'md')).base64).toString('utf8');
    expect(md).toContain('*The topic this figure was drawn from is no longer in the codebook.*');
  });

  it('puts the SVG with a PNG fallback into Word, the width of the text, with its caption under it', async () => {
    const t = await briefingWithFigure();
    const zip = await JSZip.loadAsync(decode((await t.services.exporter.briefing(t.briefingId, 'docx')).base64));
    const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
    const svgFile = media.find((f) => f.endsWith('.svg'));
    const pngFile = media.find((f) => f.endsWith('.png'));
    expect(svgFile && pngFile).toBeTruthy();
    expect(await zip.file(svgFile!)!.async('string')).toContain('>Kim Jung Han</text>');
    const png = await zip.file(pngFile!)!.async('nodebuffer');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // Twice the picture's width, for a sharp print.
    expect(png.readUInt32BE(16)).toBe(1920);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('asvg:svgBlip');
    expect(xml).toMatch(/descr="Who stands where on wartime labor\. 3 quotes from 1 article, 2020-10-29\."/);
    expect(xml.indexOf('>Figure 1.</w:t>')).toBeGreaterThan(xml.indexOf('asvg:svgBlip'));
  });

  it('writes the picture into Markdown as a data: image over its caption', async () => {
    const t = await briefingWithFigure();
    const md = decode((await t.services.exporter.briefing(t.briefingId, 'md')).base64).toString('utf8');
    const image = /!\[Figure 1\. Who stands where on wartime labor\.\]\(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)\)/.exec(md);
    expect(image).not.toBeNull();
    expect(decode(image![1]!).toString('utf8')).toContain('>Shigeki Takizaki</text>');
    expect(md).toContain('**Figure 1.** Who stands where on wartime labor. *3 quotes from 1 article, 2020-10-29.*');
  });

  it('escapes every name it draws: an actor called <script> is text in the SVG', async () => {
    const t = await briefingWithFigure();
    t.services.codebook.updateActor(t.takizaki.id, { name: '<script>alert(1)</script>' });
    const html = decode((await t.services.exporter.briefing(t.briefingId, 'html')).base64).toString('utf8');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('draws a timeline figure: a row per actor, a mark per coding by stance, the dates, and a key', async () => {
    const t = await briefingWithFigure({ query: { type: 'timeline' }, caption: 'Stances over time' });
    const html = decode((await t.services.exporter.briefing(t.briefingId, 'html')).base64).toString('utf8');
    const svg = /<div class="figure-picture">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
    expect(svg).toContain('>Kim Jung Han</text>');
    expect(svg).toContain('>Shigeki Takizaki</text>');
    expect(svg).toContain('>2020-10-29</text>');
    // Kim supports and opposes, Takizaki supports: two dots and a cross, and the key's one of each shape.
    expect(svg.match(/<circle [^>]*r="4.5"/g)).toHaveLength(2 + 1);
    expect(svg.match(/<path d="M/g)).toHaveLength(1 + 1);
    expect(html).toContain('<span class="figure-number">Figure 1.</span> Stances over time. <span class="figure-source">3 quotes from 1 article, 2020-10-29.</span>');
  });
});

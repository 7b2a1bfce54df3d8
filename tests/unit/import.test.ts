import { describe, expect, it } from 'vitest';
import { fileInput, paste, sampleArticle, tempLibrary } from './helpers';
import { MAX_IMPORT_BYTES } from '../../shared/limits';

describe('importing articles', () => {
  it('imports the sample article as text, with paragraphs, a derived title and the plain text', async () => {
    const { services } = await tempLibrary();
    const r = await services.importer.import(fileInput('japan-korea-labor-row.txt', sampleArticle(), { outlet: 'Kyodo' }));
    expect(r.status).toBe('imported');
    const a = services.library.get(r.id!);
    expect(a.title).toMatch(/^Japan urged South Korea on Thursday/);
    expect(a.outlet).toBe('Kyodo');
    expect(a.sourceFormat).toBe('txt');
    expect(a.text).toContain('"to show more sincerity to resolve the problem."');
    const doc = a.doc as { content: { type: string }[] };
    expect(doc.content.length).toBe(sampleArticle().trim().split(/\n\s*\n/).length);
    expect(doc.content.every((n) => n.type === 'paragraph')).toBe(true);
    expect(a.wordCount).toBeGreaterThan(400);
  });

  it('recognises the same text imported twice, even re-wrapped, and stores it once', async () => {
    const { services } = await tempLibrary();
    const first = await services.importer.import(paste(sampleArticle()));
    const rewrapped = sampleArticle().replace(/\. /g, '.\n').replace(/\n\n/g, '\n\n\n');
    const again = await services.importer.import(fileInput('copy.txt', rewrapped));
    expect(again).toMatchObject({ status: 'duplicate', id: first.id });
    expect(services.library.list({}).items).toHaveLength(1);
  });

  it('takes a short first line as the headline', async () => {
    const { services } = await tempLibrary();
    const r = await services.importer.import(paste('Seoul and Tokyo hold talks\n\nThe two sides met on Thursday.\n\nThey agreed to talk again.'));
    const a = services.library.get(r.id!);
    expect(a.title).toBe('Seoul and Tokyo hold talks');
    expect((a.doc as { content: { type: string }[] }).content[0]!.type).toBe('heading');
  });

  it('reads Markdown with front matter, keeping headings, lists, emphasis and links', async () => {
    const { services } = await tempLibrary();
    const md = `---\ntitle: Trade row deepens\noutlet: Nikkei Asia\ndate: 2020-11-02\nurl: https://example.com/a\n---\n# Trade row deepens\n\nOfficials said *export controls* remain.\n\n- first point\n- second with [a link](https://example.com/x), [a relative one](page.html) and [a script](javascript:alert(1))\n\nThe \`export controls\` stay.\n\n<script>alert(1)</script>\n`;
    const r = await services.importer.import(fileInput('note.md', md));
    const a = services.library.get(r.id!);
    expect(a).toMatchObject({ title: 'Trade row deepens', outlet: 'Nikkei Asia', publishedAt: '2020-11-02', url: 'https://example.com/a' });
    const json = JSON.stringify(a.doc);
    expect(json).toContain('"bullet_list"');
    expect(json).toContain('"em"');
    expect(json).toContain('https://example.com/x');
    // Links survive only to the web; the refused ones keep their words.
    expect(json).not.toMatch(/"href":"(page\.html|javascript)/);
    expect(a.text).toContain('a relative one');
    expect(a.text).toContain('The export controls stay.');
    // Raw HTML in Markdown is shown as text, never kept as markup.
    expect(a.text).toContain('<script>alert(1)</script>');
  });

  it('reduces a saved web page to its article and reads its metadata', async () => {
    const { services } = await tempLibrary();
    const body = Array.from({ length: 8 }, (_, i) => `<p>Paragraph ${i + 1} of the report says the ministry will respond to the court ruling on wartime labor with care and patience.</p>`).join('\n');
    const html = `<!doctype html><html><head><title>Site | Story</title>
      <meta property="og:title" content="Japan urges solution">
      <meta property="og:site_name" content="Kyodo News">
      <meta name="author" content="Staff Writer">
      <meta property="article:published_time" content="2020-10-29T10:00:00+09:00">
      <link rel="canonical" href="https://english.kyodonews.net/news/2020/10/x.html">
      </head><body><nav><a href="/">Home</a><a href="/world">World</a></nav>
      <article><h1>Japan urges solution</h1>${body}</article>
      <footer>Copyright Kyodo. All rights reserved. Subscribe now!</footer></body></html>`;
    const r = await services.importer.import(fileInput('page.html', html));
    const a = services.library.get(r.id!);
    expect(a).toMatchObject({
      title: 'Japan urges solution',
      outlet: 'Kyodo News',
      author: 'Staff Writer',
      publishedAt: '2020-10-29',
      url: 'https://english.kyodonews.net/news/2020/10/x.html',
      sourceFormat: 'html',
    });
    expect(a.text).toContain('Paragraph 8 of the report');
    expect(a.text).not.toContain('Subscribe now');
    expect(a.text).not.toContain('Home');
  });

  it('takes pasted HTML as HTML and user metadata over what the page says', async () => {
    const { services } = await tempLibrary();
    const r = await services.importer.import(paste('<p>First <b>bold</b> paragraph.</p><p>Second one.</p>', { title: 'My title', publishedAt: '2021-01-02' }));
    const a = services.library.get(r.id!);
    expect(a).toMatchObject({ title: 'My title', publishedAt: '2021-01-02', sourceFormat: 'html' });
    expect(a.text).toBe('First bold paragraph.\n\nSecond one.');
    expect(JSON.stringify(a.doc)).toContain('"strong"');
  });
});

describe('bad input is refused clearly and stores nothing', () => {
  const cases: [string, string, Uint8Array | string, RegExp][] = [
    ['a binary file', 'photo.txt', Uint8Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256), /binary/],
    ['an empty file', 'empty.txt', '', /empty/],
    ['white space only', 'blank.md', '  \n\n \t ', /no text/],
    ['an unsupported extension', 'slides.pptx', 'PK hello', /“\.pptx” files cannot be imported/],
    ['a PDF cut short', 'report.pdf', '%PDF-1.4 hello', /PDF is cut short/],
    ['no extension', 'README', 'hello', /without an extension/],
  ];
  it.each(cases)('%s', async (_what, name, bytes, message) => {
    const { services } = await tempLibrary();
    const r = await services.importer.import(fileInput(name, bytes));
    expect(r.status).toBe('failed');
    expect(r.error).toMatch(message);
    expect(services.library.info().articleCount).toBe(0);
  });

  it('a file over 10 MB', async () => {
    const { services } = await tempLibrary();
    const r = await services.importer.import(fileInput('huge.txt', 'a'.repeat(MAX_IMPORT_BYTES + 1)));
    expect(r).toMatchObject({ status: 'failed' });
    expect(r.error).toMatch(/10\.0 MB/);
    expect(services.library.info().articleCount).toBe(0);
  });

  it('a batch goes on past its failures', async () => {
    const { services } = await tempLibrary();
    const results = [
      await services.importer.import(fileInput('bad.bin.txt', new Uint8Array([0, 1, 2, 3, 0, 0]))),
      await services.importer.import(fileInput('good.txt', sampleArticle())),
      await services.importer.import(fileInput('x.docx', 'zz')),
    ];
    expect(results.map((r) => r.status)).toEqual(['failed', 'imported', 'failed']);
    expect(services.library.info().articleCount).toBe(1);
  });

  it('damaged UTF-8 is decoded with replacement characters and a warning; raw bytes are not stored', async () => {
    const { services } = await tempLibrary();
    // Well-formed UTF-8 (é, “ ”) around broken bytes: damage, not another encoding (see import-charset.test.ts).
    const bytes = Buffer.concat([Buffer.from('Café society “statement” about the talks. '), Buffer.from([0xff, 0xfe, 0x80])]);
    const r = await services.importer.import(fileInput('damaged.txt', bytes));
    expect(r.status).toBe('imported');
    expect(r.warnings?.[0]).toMatch(/not valid UTF-8/);
    const a = services.library.get(r.id!);
    expect(a.text).toContain('Café society “statement” about the talks. \uFFFD');
    expect(a.text).not.toMatch(/[\xff\xfe\x80]/);
  });

  it('honours a page’s declared charset', async () => {
    const { services } = await tempLibrary();
    const html = Buffer.concat([Buffer.from('<html><head><meta charset="windows-1252"></head><body><p>Caf'), Buffer.from([0xe9]), Buffer.from(' talks resume.</p></body></html>')]);
    const r = await services.importer.import(fileInput('page.htm', html));
    expect(r.warnings).toBeUndefined();
    expect(services.library.get(r.id!).text).toContain('Café talks resume.');
  });
});

describe('hostile HTML', () => {
  const hostile = `
    <p>Safe words stay.</p>
    <script>window.__pwned = 1</script>
    <p onclick="alert(1)" onmouseover="alert(2)">Handlers go.</p>
    <p><a href="javascript:alert(1)">js link</a> <a href=" JaVa&#x09;script:alert(1)">obfuscated</a>
       <a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data link</a>
       <a href="vbscript:msgbox(1)">vb</a> <a href="https://example.com/ok">web link</a> <a href="mailto:desk@example.com">mail</a></p>
    <iframe src="https://evil.example/"></iframe>
    <style>body { background: url(javascript:alert(1)) }</style>
    <svg onload="alert(1)"><script>alert(2)</script><foreignObject><p>svg text</p></foreignObject></svg>
    <img src=x onerror="alert(1)">
    <object data="evil.swf"></object><embed src="evil.swf">
    <math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>
    <form action="https://evil.example"><input value="x"><button formaction="javascript:alert(1)">b</button></form>
  `;

  it('keeps text, safe links and structure, and nothing that could run', async () => {
    const { services } = await tempLibrary();
    const r = await services.importer.import(paste(hostile));
    expect(r.status).toBe('imported');
    const a = services.library.get(r.id!);
    const json = JSON.stringify(a.doc);
    expect(a.text).toContain('Safe words stay.');
    expect(a.text).toContain('Handlers go.');
    expect(json).toContain('https://example.com/ok');
    expect(json).toContain('mailto:desk@example.com');
    for (const bad of ['javascript:', 'vbscript:', 'data:', 'onclick', 'onerror', 'onload', '<script', 'iframe', 'evil.example', 'window.__pwned', 'background']) {
      expect(json.toLowerCase()).not.toContain(bad);
    }
    const types = new Set<string>();
    JSON.stringify(a.doc, (k, v: unknown) => {
      if (k === 'type' && typeof v === 'string') types.add(v);
      return v;
    });
    expect([...types].every((t) => ['doc', 'paragraph', 'text', 'link', 'heading', 'hard_break', 'strong', 'em', 'bullet_list', 'ordered_list', 'list_item', 'blockquote'].includes(t))).toBe(true);
  });
});

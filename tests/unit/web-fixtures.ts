// A web server on 127.0.0.1 for the import-from-address tests, with invented pages and feeds. It
// counts what it sent, so a test can tell that the reader stopped early (the size cap) or gave up.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';

export type Route = (req: http.IncomingMessage, res: http.ServerResponse, server: FixtureServer) => void;

export interface FixtureServer {
  url: string;
  /** Bytes written to each path's answers so far. */
  sent: Map<string, number>;
  /** Requests per path. */
  hits: Map<string, number>;
  /** Connections ended by the client before the answer was complete, per path. */
  aborted: Map<string, number>;
  route(path: string, handler: Route): void;
  close(): Promise<void>;
}

export async function startFixtureServer(routes: Record<string, Route> = {}): Promise<FixtureServer> {
  const table = new Map(Object.entries(routes));
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    fixture.hits.set(path, (fixture.hits.get(path) ?? 0) + 1);
    const write = res.write.bind(res);
    res.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      fixture.sent.set(path, (fixture.sent.get(path) ?? 0) + Buffer.byteLength(chunk));
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof res.write;
    res.on('close', () => {
      if (!res.writableFinished) fixture.aborted.set(path, (fixture.aborted.get(path) ?? 0) + 1);
    });
    const handler = table.get(path);
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not here</h1>');
      return;
    }
    handler(req, res, fixture);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const fixture: FixtureServer = {
    url: `http://127.0.0.1:${port}`,
    sent: new Map(),
    hits: new Map(),
    aborted: new Map(),
    route: (path, handler) => void table.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  return fixture;
}

/** A port nothing listens on: a server started and closed. */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export const send =
  (type: string, body: string | Buffer, status = 200): Route =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
    res.write(body);
    res.end();
  };

export const redirect =
  (location: string, status = 302): Route =>
  (_req, res) => {
    res.writeHead(status, { location }).end();
  };

/** An answer that never ends: chunks of `chunk` bytes as fast as the client takes them, until it hangs up. */
export const endless =
  (type: string, chunk = 64 * 1024): Route =>
  (_req, res) => {
    res.writeHead(200, { 'content-type': type });
    const block = Buffer.alloc(chunk, '<p>Endless words of an invented page.</p>\n');
    const pump = () => {
      while (!res.destroyed && res.write(block));
      if (!res.destroyed) res.once('drain', pump);
    };
    res.on('close', () => res.removeAllListeners('drain'));
    pump();
  };

/** Waits `ms` before answering at all. */
export const slow =
  (ms: number, then: Route): Route =>
  (req, res, server) => {
    const t = setTimeout(() => then(req, res, server), ms);
    res.on('close', () => clearTimeout(t));
  };

/** Answers at once, then sends its body one small piece every `everyMs`, forever. */
export const dripping =
  (everyMs: number): Route =>
  (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.write('<html><body><p>');
    const t = setInterval(() => res.write('word '), everyMs);
    res.on('close', () => clearInterval(t));
  };

// ---- Invented pages and feeds ----

const ARTICLE_BODY = [
  'The harbour commission of Vellmar met on Tuesday to settle the dispute over the eastern quay, which has idled forty cranes since the spring.',
  '“We will not sign a plan that leaves the night crews without pay,” said Ilse Marrow, who speaks for the dockworkers’ union, after the session.',
  'The commission’s chair, Tomas Reyl, said the port could reopen the quay within a month if both sides accepted the mediator’s timetable.',
  'Shipping lines have diverted cargo to the northern terminal, where queues stretched to three days last week, according to the port authority.',
];

export function articlePage(opts: { title?: string; author?: string; date?: string; outlet?: string; canonical?: string; body?: string[]; charsetMeta?: string } = {}): string {
  const body = opts.body ?? ARTICLE_BODY;
  return `<!doctype html>
<html><head>${opts.charsetMeta ? `<meta charset="${opts.charsetMeta}">` : ''}
<title>${opts.title ?? 'Quay talks stall over night pay'} | ${opts.outlet ?? 'Vellmar Courier'}</title>
<meta property="og:title" content="${opts.title ?? 'Quay talks stall over night pay'}">
<meta property="og:site_name" content="${opts.outlet ?? 'Vellmar Courier'}">
<meta name="author" content="${opts.author ?? 'Petra Lind'}">
<meta property="article:published_time" content="${opts.date ?? '2024-03-05T09:30:00+01:00'}">
${opts.canonical ? `<link rel="canonical" href="${opts.canonical}">` : ''}
</head><body>
<nav><a href="/">Home</a> <a href="/port">Port</a> <a href="/city">City</a></nav>
<article><h1>${opts.title ?? 'Quay talks stall over night pay'}</h1>
${body.map((p) => `<p>${p}</p>`).join('\n')}
</article>
<footer>© Vellmar Courier</footer>
</body></html>`;
}

/** A page in a legacy encoding: its bytes, and the words to look for once decoded. */
export function legacyPage(encoding: 'windows-1251' | 'Shift_JIS', declareInMeta: boolean): { bytes: Buffer; title: string; phrase: string } {
  const russian = {
    title: 'Переговоры в порту зашли в тупик',
    body: [
      'Портовая комиссия Вельмара собралась во вторник, чтобы уладить спор о восточном причале, где с весны простаивают сорок кранов.',
      'Представитель профсоюза докеров заявила, что ночные смены не могут остаться без оплаты, и комиссия обещала ответ до конца месяца.',
      'Судоходные компании перенаправили грузы на северный терминал, где очереди на прошлой неделе растянулись на три дня.',
    ],
    phrase: 'восточном причале',
  };
  const japanese = {
    title: '港の協議、夜間手当で行き詰まる',
    body: [
      'ヴェルマー港湾委員会は火曜日に会合を開き、春から四十基のクレーンが止まっている東岸壁をめぐる争いの解決を図った。',
      '港湾労働組合の代表は、夜勤の賃金が支払われない計画には署名しないと述べ、委員会は月末までに回答すると約束した。',
      '海運会社は貨物を北ターミナルに振り向けており、先週は待ち時間が三日に及んだと港湾当局は説明している。',
    ],
    phrase: '東岸壁',
  };
  const text = encoding === 'windows-1251' ? russian : japanese;
  const html = articlePage({ title: text.title, body: text.body, outlet: encoding === 'windows-1251' ? 'Вельмарский вестник' : 'ヴェルマー新報', charsetMeta: declareInMeta ? encoding : undefined });
  return { bytes: iconv.encode(html, encoding), title: text.title, phrase: text.phrase };
}

export interface FixtureItem {
  title: string;
  link: string | null;
  date: string;
  author?: string;
  content?: string;
}

export function rssFeed(items: FixtureItem[], title = 'Vellmar Courier — Port'): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>${esc(title)}</title><link>http://127.0.0.1/</link><description>Port news</description>
${items
  .map(
    (i) => `<item><title>${esc(i.title)}</title>${i.link ? `<link>${esc(i.link)}</link>` : ''}<pubDate>${i.date}</pubDate>${i.author ? `<dc:creator>${esc(i.author)}</dc:creator>` : ''}<description>${esc(i.title)} (summary)</description>${
      i.content ? `<content:encoded><![CDATA[${i.content}]]></content:encoded>` : ''
    }</item>`,
  )
  .join('\n')}
</channel></rss>`;
}

export function atomFeed(items: FixtureItem[], title = 'Vellmar Courier — City'): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>${esc(title)}</title><id>urn:x-vellmar:city</id><updated>2024-03-06T10:00:00Z</updated>
${items
  .map(
    (i, n) => `<entry><id>urn:x-vellmar:${n}</id><title>${esc(i.title)}</title>${i.link ? `<link rel="alternate" href="${esc(i.link)}"/>` : ''}<published>${i.date}</published><updated>${i.date}</updated>${
      i.author ? `<author><name>${esc(i.author)}</name></author>` : ''
    }<summary>${esc(i.title)} (summary)</summary>${i.content ? `<content type="html">${esc(i.content)}</content>` : ''}</entry>`,
  )
  .join('\n')}
</feed>`;
}

/** Invented full text for feed item `n`: long enough to read as an article, different for each n. */
export function itemText(n: number, topic = 'the ferry timetable'): string {
  return `<p>Council members argued for a second evening about ${topic}, item ${n} of the session.</p><p>“We owe the islanders an answer by Friday,” said councillor Anwen Drey, number ${n} on the list of speakers.</p><p>The vote was postponed to the next meeting, the ${n}th postponement this year according to the clerk.</p>`;
}

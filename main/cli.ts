// The `verbatim` command: the library from a terminal, through the same router the app uses.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, Option } from 'commander';
import { openLibrary, type Library } from './store/open';
import { backupTo, integrityProblems, listBackups, restoreBackup, RestoreInterrupted } from './store/backup';
import { createServices } from './services';
import { createRouter, type Router } from './router';
import { defaultLibraryPath } from './paths';
import { startWebServer } from './web/server';
import { AppError } from './errors';
import { formatBytes } from '../shared/limits';
import { SNIPPET_CLOSE, SNIPPET_OPEN, type ImportResult } from '../shared/model';
import { formatAnnotationWords } from '../shared/annotation-words';
import { groupSearchHits } from '../shared/search-groups';
import { MAX_PAGE, type CallName, type CallOutput, type ExportedDocument, type QuoteExportFormat } from '../shared/contract';
import { allArticles } from '../shared/article-pages';
import { writeFileAtomic } from './atomic-write';
import { importFiles } from './import-files';
import { importAllItems, importFeedFiles } from './import-feeds';
import { isFeedFileName } from '../shared/feed';
import type { WebImportOptions } from './services/import/web/web-import';
import { checkOutputPath, outputError } from './output-path';
import { ChromiumPrinter } from './web/chromium-printer';
import { saveExport } from './services/export/save';
import { HtmlWorker } from './services/import/html-reader';
import { PdfWorker } from './services/import/pdf-reader';
import { FeedWorker } from './services/import/feed-reader';
import { SuggestWorker, SUGGEST_TIME_LIMIT_MS } from './attribution/background';
import { suggestionTable } from './suggestion-table';
import type { Printer } from './services/export/printer';
import { forTerminal, jsonForTerminal } from './terminal';
import { registerTeamCommands } from './team/cli';
import { registerTeamClientCommands } from './sync/cli';
import { TeamLink } from './sync/team-link';

interface Globals {
  db?: string;
}

const program = new Command('verbatim')
  .description('Verbatim: import articles, code quotes, draft briefings. The same library as the desktop app.')
  .option('--db <path>', 'library file (default: $VERBATIM_DB, else the desktop app’s library)')
  .showHelpAfterError();

const libraryPath = () => path.resolve((program.opts() as Globals).db ?? defaultLibraryPath());

/** Saved web pages are read in a worker thread: dist/main/html-worker.js, beside this bundle. */
const htmlWorker = () => new HtmlWorker(new URL('./html-worker.js', import.meta.url));
/** And PDFs in another: dist/main/pdf-worker.js. */
const pdfWorker = () => new PdfWorker(new URL('./pdf-worker.js', import.meta.url));
/** Long articles' suggestions are found in a worker thread too: dist/main/suggest-worker.js. */
/**
 * A one-shot command may run the engine on its own thread for a short text; a server (browser mode)
 * never does: loading the NLP model and reading an article would hold up every other request.
 */
const suggestWorker = (inlineMaxChars?: number) => new SuggestWorker(new URL('./suggest-worker.js', import.meta.url), inlineMaxChars === undefined ? {} : { inlineMaxChars });

/**
 * Opens the library for one command. Only `import` may start a new library: a command that reads
 * pointed at a path with no library says so instead of leaving an empty one behind.
 */
async function withLibrary<T>(fn: (call: Caller, lib: Library) => Promise<T> | T, dailyBackup = false, printer?: Printer, create = false, web?: WebImportOptions): Promise<T> {
  const lib = await openLibrary(libraryPath(), { dailyBackup, create });
  for (const w of lib.warnings) process.stderr.write(`verbatim: ${w}\n`);
  const reader = htmlWorker();
  const pdfReader = pdfWorker();
  const suggester = suggestWorker();
  try {
    const router = createRouter(createServices(lib, { printer, readHtml: reader.read, readPdf: pdfReader.read, suggest: suggester.suggest, web }));
    return await fn(caller(router), lib);
  } finally {
    await Promise.all([reader.close(), pdfReader.close(), suggester.close()]);
    lib.close();
  }
}

type Caller = <N extends CallName>(name: N, input: unknown) => Promise<CallOutput<N>>;

function caller(router: Router): Caller {
  return async (name, input) => {
    const r = await router(name, input);
    if (!r.ok) throw new AppError(r.error.code, r.error.message);
    return r.value as CallOutput<typeof name>;
  };
}

/** Library text may carry escape sequences: neither form reaches the terminal raw. */
const print = (json: boolean, data: unknown, human: () => string) => {
  process.stdout.write(json ? `${jsonForTerminal(data)}\n` : `${forTerminal(human())}\n`);
};

/** One line per file; a news-database export's articles follow it, indented, one a line. */
function importLine(r: ImportResult): string {
  if (r.articles) {
    const count = (s: string) => r.articles!.filter((a) => a.status === s).length;
    const head = `${r.status.padEnd(10)} ${r.file}: ${r.title} (${count('imported')} imported, ${count('duplicate')} already in the library, ${count('failed')} failed)`;
    return [head, ...r.articles.map((a) => `  ${importLine({ ...a, file: a.file.replace(/^.* › /, '') })}`)].join('\n');
  }
  if (r.status === 'failed') return `failed     ${r.file}: ${r.title ? `“${r.title}”: ` : ''}${r.error}`;
  const warn = r.warnings?.length ? `  (${r.warnings.join(' ')})` : '';
  return `${r.status.padEnd(10)} ${r.file} -> #${r.id} ${r.title}${warn}`;
}

const plainSnippet = (s: string) => s.replaceAll(SNIPPET_OPEN, '[').replaceAll(SNIPPET_CLOSE, ']');

program
  .command('import')
  .description('import .txt, .md, .html, .pdf, .docx files as articles; a news-database export (Nexis, Factiva) becomes one article per story')
  .argument('<files...>')
  .option('--title <title>')
  .option('--outlet <outlet>')
  .option('--author <author>')
  .option('--date <YYYY-MM-DD>', 'published date')
  .option('--url <url>')
  .option('--json', 'print JSON')
  .action(async (files: string[], o: { title?: string; outlet?: string; author?: string; date?: string; url?: string; json?: boolean }) => {
    const meta = { title: o.title, outlet: o.outlet, author: o.author, publishedAt: o.date, url: o.url };
    // Feed files (.xml, .rss, .atom) import every item they list; the others go in batches.
    const feeds = files.filter(isFeedFileName);
    const others = files.filter((f) => !isFeedFileName(f));
    const results = await withLibrary(
      async (call) => [
        ...(others.length ? await importFiles(others, (batch) => call('articles.importBatch', { files: batch }), meta) : []),
        ...(await importFeedFiles(feeds, { read: (file, data) => call('feeds.read', { file, data }), importItems: (items) => call('feeds.importItems', { items }) })),
      ],
      false,
      undefined,
      true,
    );
    printResults(!!o.json, results);
  });

/** One line per article (or the JSON list), as `import` and `import-url` print them; exit 1 when any failed. */
function printResults(json: boolean, results: ImportResult[]) {
  print(json, results, () => results.map(importLine).join('\n'));
  // A news-database export counts as failed when any of its articles could not be imported.
  if (results.some((r) => r.status === 'failed' || r.articles?.some((a) => a.status === 'failed'))) process.exitCode = 1;
}

program
  .command('import-url')
  .description('fetch a web page (http or https) and import its article; a feed’s address imports every item it lists')
  .argument('<url>')
  .option('--title <title>')
  .option('--outlet <outlet>')
  .option('--author <author>')
  .option('--date <YYYY-MM-DD>', 'published date')
  .option('--timeout <seconds>', 'the longest the whole fetch may take', parseSeconds, 60)
  .option('--json', 'print JSON')
  .action(async (url: string, o: { title?: string; outlet?: string; author?: string; date?: string; timeout: number; json?: boolean }) => {
    const meta = { title: o.title, outlet: o.outlet, author: o.author, publishedAt: o.date };
    const limits = { totalMs: o.timeout * 1000, answerMs: Math.min(15_000, o.timeout * 1000) };
    const results = await withLibrary(
      async (call) => {
        const found = await call('articles.importUrl', { url, ...meta });
        if (found.status !== 'feed') return [found];
        return importAllItems(found.feed, (items) => call('feeds.importItems', { items }), url);
      },
      false,
      undefined,
      true,
      { limits },
    );
    printResults(!!o.json, results);
  });

program
  .command('list')
  .description('list the articles in the library')
  .addOption(new Option('--sort <order>').choices(['imported', 'published', 'title']).default('imported'))
  .option('--outlet <outlet>')
  .option('--from <date>', 'published on or after YYYY-MM-DD')
  .option('--to <date>', 'published on or before YYYY-MM-DD')
  .option('--json', 'print JSON')
  .action(async (o: { sort: string; outlet?: string; from?: string; to?: string; json?: boolean }) => {
    const view = { sort: o.sort, outlet: o.outlet, from: o.from, to: o.to };
    const items = await withLibrary((call) => allArticles((after) => call('articles.list', { ...view, limit: MAX_PAGE, ...(after ? { after } : {}) })));
    print(!!o.json, items, () =>
      items.length
        ? items.map((a) => `${String(a.id).padStart(5)}  ${a.publishedAt ?? '          '}  ${(a.outlet ?? '').padEnd(20).slice(0, 20)}  ${a.title}`).join('\n')
        : o.outlet || o.from || o.to
          ? 'No articles match.'
          : 'The library is empty. Import an article with: verbatim import FILE',
    );
  });

program
  .command('show')
  .description('print an article’s metadata and text')
  .argument('<id>', 'article id', parseId)
  .option('--json', 'print JSON')
  .action(async (id: number, o: { json?: boolean }) => {
    const a = await withLibrary((call) => call('articles.get', { id }));
    const { doc: _doc, ...rest } = a;
    print(!!o.json, rest, () =>
      [
        a.title,
        [a.outlet, a.author, a.publishedAt, a.url].filter(Boolean).join(' · '),
        '',
        a.text,
      ].join('\n'),
    );
  });

program
  .command('search')
  .description('search the library: articles, quotes and notes (by words, comment, tags or speaker), actors, briefings')
  .argument('<query...>')
  .option('--limit <n>', 'most hits', (v) => parseInt(v, 10), 20)
  .option('--json', 'print JSON')
  .action(async (words: string[], o: { limit: number; json?: boolean }) => {
    const hits = await withLibrary((call) => call('search.query', { query: words.join(' '), limit: o.limit }));
    const plain = hits.map((h) => ({ ...h, snippet: plainSnippet(h.snippet) }));
    print(!!o.json, plain, () =>
      plain.length
        ? groupSearchHits(plain)
            .map((g) => [`${g.label} (${g.hits.length})`, ...g.hits.map((h) => `  ${h.kind} #${h.id}  ${h.title}${h.bySpeaker ? '  (by speaker)' : ''}\n      ${h.snippet}`)].join('\n'))
            .join('\n\n')
        : 'No matches.',
    );
  });

program
  .command('quotes')
  .description('list annotations with speaker, positions and stance')
  .option('--article <id>', 'only this article', parseId)
  .option('--json', 'print JSON')
  .action(async (o: { article?: number; json?: boolean }) => {
    const rows = await withLibrary((call) => call('quotes.list', o.article ? { articleId: o.article } : {}));
    print(!!o.json, rows, () =>
      rows.length
        ? rows
            .map((q) => {
              const who = q.speaker ? q.speaker.name : '(no speaker)';
              const coding = q.positions.map((p) => `${p.stance} “${p.claim}”`).join('; ');
              return `#${q.id} ${q.kind} · ${who}${coding ? ` · ${coding}` : ''}${q.orphaned ? ' · ORPHAN' : ''}\n    ${formatAnnotationWords(q.kind, q.text)} — ${q.article.title}`;
            })
            .join('\n')
        : 'No annotations yet.',
    );
  });

program
  .command('suggest')
  .description('suggested attributions in an article: quotes and reported speech, with cue, source and speaker')
  .argument('<id>', 'article id', parseId)
  .option('--min-confidence <x>', 'only suggestions at least this sure (0 to 1)', parseConfidence)
  .option('--json', 'print JSON (offsets index the text of: verbatim show ID --json)')
  .action(async (id: number, o: { minConfidence?: number; json?: boolean }) => {
    const found = await withLibrary((call) => call('suggestions.list', { articleId: id, minConfidence: o.minConfidence }));
    if (found.tooLarge) {
      throw new AppError('too_large', `Article ${id} is too long to find suggestions in within ${SUGGEST_TIME_LIMIT_MS / 1000} s; split it into several articles.`);
    }
    const plain = found.suggestions.map(({ kind, confidence, content, cue, source, speaker }) => ({ kind, confidence, content, cue, source, speaker }));
    print(!!o.json, plain, () => suggestionTable(plain));
  });

program
  .command('export-quotes')
  .description('export the coding: quotes as CSV, annotations as W3C JSON-LD, the actor–position network as GraphML or CSV')
  .addOption(new Option('--format <format>').choices(['csv', 'jsonld', 'graphml', 'network-csv']).makeOptionMandatory())
  .requiredOption('--out <file>')
  .option('--article <id>', 'only this article', parseId)
  .action(async (o: { format: QuoteExportFormat; out: string; article?: number }) => {
    const out = checkOutputPath(o.out, libraryPath());
    const file = await withLibrary((call) => call('quotes.export', { format: o.format, filter: o.article ? { articleId: o.article } : {} }));
    try {
      await writeFileAtomic(out, file.content);
    } catch (err) {
      throw outputError(err, out);
    }
    process.stdout.write(`Wrote ${out}\n`);
  });

program
  .command('briefings')
  .description('list the briefings')
  .option('--trash', 'the briefings in the trash instead')
  .option('--json', 'print JSON')
  .action(async (o: { trash?: boolean; json?: boolean }) => {
    const items = await withLibrary((call) => call('briefings.list', { trash: !!o.trash }));
    print(
      !!o.json,
      items.map((b) => ({ id: b.id, title: b.title, status: b.status, classification: b.classification, author: b.author, date: b.date, wordCount: b.wordCount, updatedAt: b.updatedAt })),
      () =>
        items.length
          ? items.map((b) => `${String(b.id).padStart(5)}  ${b.status.padEnd(5)}  ${b.updatedAt.slice(0, 16).replace('T', ' ')}  ${b.title}`).join('\n')
          : o.trash
            ? 'The trash has no briefings.'
            : 'No briefings yet.',
    );
  });

/**
 * Runs one export and saves it at `out`: the file appears whole or not at all. A PDF needs a
 * browser, started for this export and closed after it (also on Ctrl+C).
 */
async function exportTo(out: string, pdf: boolean, request: (call: Caller) => Promise<ExportedDocument>): Promise<void> {
  const printer = pdf ? new ChromiumPrinter() : undefined;
  let saved = false;
  let stopping = false;
  const interrupted = () => {
    stopping = true;
    void (printer?.close() ?? Promise.resolve()).finally(() => {
      process.stderr.write(saved ? '' : `verbatim: export interrupted; ${path.resolve(out)} was not written.\n`);
      process.exit(saved ? 0 : 130);
    });
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const result = await saveExport(out, () => withLibrary((call) => request(call), false, printer), libraryPath());
    saved = true;
    process.stdout.write(`Wrote ${result.path} (${formatBytes(result.bytes)})\n`);
  } catch (err) {
    // Closing the browser on Ctrl+C fails the print; the signal handler reports and exits.
    if (stopping) await new Promise<never>(() => {});
    throw err;
  } finally {
    await printer?.close();
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  }
}

program
  .command('export')
  .description('export a briefing as PDF, HTML, Markdown or Word (.docx)')
  .argument('<id>', 'briefing id (see: verbatim briefings)', parseId)
  .addOption(new Option('--format <format>').choices(['pdf', 'html', 'md', 'docx']).makeOptionMandatory())
  .requiredOption('--out <file>', 'where to write it; an existing file is replaced only by a complete export')
  .addOption(new Option('--page-size <size>', 'paper size (PDF, HTML, Word)').choices(['A4', 'Letter']).default('A4'))
  .action(async (id: number, o: { format: 'pdf' | 'html' | 'md' | 'docx'; out: string; pageSize: 'A4' | 'Letter' }) => {
    await exportTo(o.out, o.format === 'pdf', (call) => call('briefings.export', { id, format: o.format, pageSize: o.pageSize }));
  });

program
  .command('export-article')
  .description('print an article with its annotations highlighted and numbered, and a note per annotation (PDF)')
  .argument('<id>', 'article id', parseId)
  .addOption(new Option('--format <format>').choices(['pdf']).default('pdf'))
  .requiredOption('--out <file>')
  .addOption(new Option('--page-size <size>').choices(['A4', 'Letter']).default('A4'))
  .action(async (id: number, o: { out: string; pageSize: 'A4' | 'Letter' }) => {
    await exportTo(o.out, true, (call) => call('articles.exportPdf', { id, pageSize: o.pageSize }));
  });

program
  .command('backup')
  .description('write a consistent copy of the library to FILE (SQLite backup API)')
  .argument('<file>')
  .action(async (file: string) => {
    // Not the library or its -wal/-shm/-journal (the copy would replace the file it copies), not a device or a folder.
    const dest = checkOutputPath(file, libraryPath());
    await withLibrary(async (_call, lib) => {
      try {
        await backupTo(lib.db, dest);
      } catch (err) {
        throw outputError(err, dest);
      }
    });
    process.stdout.write(`Backed up ${libraryPath()} to ${dest}\n`);
  });

program
  .command('check')
  .description('run SQLite’s integrity check; exit 1 when the library is damaged')
  .option('--json', 'print JSON')
  .action((o: { json?: boolean }) => {
    const file = libraryPath();
    if (!fs.existsSync(file)) throw new AppError('not_found', `There is no library at ${file}.`);
    const problems = integrityProblems(file);
    const newest = listBackups(file)[0] ?? null;
    print(!!o.json, { library: file, ok: problems.length === 0, problems, newestBackup: newest }, () =>
      problems.length
        ? [
            `The library ${file} is damaged:`,
            ...problems.slice(0, 10).map((p) => `  ${p}`),
            newest ? `The newest backup is ${newest.path} (${newest.createdAt}); restore it with: verbatim restore "${newest.path}"` : 'There is no backup of it.',
          ].join('\n')
        : `ok: ${file}`,
    );
    if (problems.length) process.exitCode = 1;
  });

program
  .command('restore')
  .description('replace the library with a backup; the replaced file is kept beside it')
  .argument('<backup>')
  .action(async (backup: string) => {
    // Ctrl+C stops the copy at once; the restore is atomic, so the library stays as it was.
    const abort = new AbortController();
    const interrupted = () => abort.abort();
    process.once('SIGINT', interrupted);
    process.once('SIGTERM', interrupted);
    try {
      const { keptAs } = await restoreBackup(libraryPath(), path.resolve(backup), { signal: abort.signal });
      process.stdout.write(`Restored ${libraryPath()} from ${backup}${keptAs ? `; the previous file is kept as ${keptAs}` : ''}\n`);
    } catch (err) {
      if (err instanceof RestoreInterrupted) process.exitCode = 130;
      throw err;
    } finally {
      process.off('SIGINT', interrupted);
      process.off('SIGTERM', interrupted);
    }
  });

program
  .command('web')
  .description('serve the app in a browser on this machine (browser mode)')
  .option('--port <n>', 'port (0 picks a free one)', (v) => parseInt(v, 10), 5173)
  .option('--host <host>', 'address to bind', '127.0.0.1')
  .action(async (o: { port: number; host: string }) => {
    const lib = await openLibrary(libraryPath(), { dailyBackup: true });
    for (const w of lib.warnings) process.stderr.write(`verbatim: ${w}\n`);
    const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));
    if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
      lib.close();
      throw new AppError('not_found', `The renderer is not built (${rendererDir}); run "npm run build" first.`);
    }
    // PDF export prints with the system's Chromium, started on the first export and kept warm.
    const printer = new ChromiumPrinter();
    const reader = htmlWorker();
    const pdfReader = pdfWorker();
    const suggester = suggestWorker(0);
    // A server reads feeds off its main thread too (a one-shot command reads them in-process).
    const feeds = new FeedWorker(new URL('./html-worker.js', import.meta.url));
    const services = createServices(lib, { printer, readHtml: reader.read, readPdf: pdfReader.read, suggest: suggester.suggest, prepareSuggestions: true, onBackgroundError: logBackgroundError, web: { readFeed: feeds.read } });
    // The library's link to its team, when it is in one: rounds with the team's server run by themselves.
    const team = TeamLink.start(lib);
    const server = await startWebServer({ router: createRouter(services, { team }), rendererDir, host: o.host, port: o.port });
    process.stdout.write(`Verbatim is running at ${server.url}\nLibrary: ${lib.path}\nPress Ctrl+C to stop.\n`);
    const stop = async () => {
      await server.close();
      await team.close();
      services.suggestions.close();
      await Promise.all([printer.close(), reader.close(), pdfReader.close(), suggester.close(), feeds.close()]);
      lib.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop());
    process.once('SIGTERM', () => void stop());
  });

function logBackgroundError(err: unknown) {
  process.stderr.write(`verbatim: suggestions could not be prepared in the background: ${forTerminal((err as Error)?.message ?? String(err))}\n`);
}

function parseSeconds(v: string): number {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n <= 0 || n > 3600) throw new AppError('invalid_input', `“${v}” is not a time limit: give a number of seconds from 0.1 to 3600.`);
  return n;
}

function parseConfidence(v: string): number {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new AppError('invalid_input', `“${v}” is not a confidence: give a number from 0 to 1.`);
  return n;
}

function parseId(v: string): number {
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n <= 0) throw new AppError('invalid_input', `“${v}” is not an id.`);
  return n;
}

registerTeamCommands(program);
registerTeamClientCommands(program, (fn) => withLibrary((_call, lib) => fn(lib)));

program.parseAsync(process.argv).catch((err: unknown) => {
  const message = err instanceof AppError ? err.message : `Unexpected error: ${(err as Error)?.stack ?? err}`;
  process.stderr.write(`verbatim: ${forTerminal(message)}
`);
  process.exitCode = process.exitCode || 1;
});

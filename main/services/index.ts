// The services over one open library: plain classes, no Electron, no HTTP.
import type { Library } from '../store/open';
import { ArticleStore } from '../store/articles';
import { SearchStore } from '../store/search';
import { ActorStore } from '../store/actors';
import { TopicStore } from '../store/topics';
import { AnnotationStore } from '../store/annotations';
import { QuoteStore } from '../store/quotes';
import { LandscapeStore } from '../store/landscape';
import { BriefingStore } from '../store/briefings';
import { LibraryStateStore } from '../store/library-state';
import { ImportService } from './import/service';
import { LibraryService } from './library';
import { CodebookService } from './codebook';
import { AnnotationService } from './annotations';
import { ArticleTextService } from './article-text';
import { BriefingService } from './briefings';
import { QuoteService } from './quotes';
import { LandscapeService } from './landscape';
import { SearchService } from './search';
import { ExportService } from './export/briefing';
import type { Printer } from './export/printer';
import type { HtmlReader } from './import/html-reader';
import type { PdfReader } from './import/pdf-reader';
import { useShortLockWait, transactionFor } from '../store/write-lock';
import { SuggestionStore } from '../store/suggestions';
import { SuggestionService } from './suggestions';
import { suggestInProcess, type SuggestRunner } from '../attribution/background';
import { WebImportService, type WebImportOptions } from './import/web/web-import';
import { RecordUidStore } from '../store/record-uids';

export interface Services {
  library: LibraryService;
  importer: ImportService;
  search: SearchService;
  codebook: CodebookService;
  annotations: AnnotationService;
  articleText: ArticleTextService;
  quotes: QuoteService;
  /** DNA's networks over the coded quotes. */
  landscape: LandscapeService;
  briefings: BriefingService;
  exporter: ExportService;
  suggestions: SuggestionService;
  /** Web addresses and feeds, into the importer. */
  web: WebImportService;
}

export interface ServiceOptions {
  /** Turns HTML into PDF; without one, PDF export fails with `unsupported` (the other formats still work). */
  printer?: Printer;
  /** Reads saved web pages; by default on the calling thread (the app and the CLI use an HtmlWorker). */
  readHtml?: HtmlReader;
  /** Reads PDFs; by default on the calling thread (the app and the CLI use a PdfWorker). */
  readPdf?: PdfReader;
  /** Runs the attribution engine; by default on the calling thread (the app and the CLI use a SuggestWorker). */
  suggest?: SuggestRunner;
  /** Compute suggestions in the background after an import or a text edit (long-running processes: the app, browser mode). */
  prepareSuggestions?: boolean;
  /** Where background work that failed is reported. */
  onBackgroundError?: (err: unknown) => void;
  /** Time and size limits for fetching web addresses, and which hosts may be fetched (tests: loopback only). */
  web?: WebImportOptions;
}

export function createServices(library: Library, options: ServiceOptions = {}): Services {
  const db = library.db;
  // Writes wait for another process's lock on a timer (the router's retryWhileBusy), not inside SQLite.
  useShortLockWait(db);
  // The one way the services write: a transaction that takes the write lock up front.
  const transaction = transactionFor(db);
  const articles = new ArticleStore(db);
  const actors = new ActorStore(db);
  const topics = new TopicStore(db);
  const libraryService = new LibraryService(library, new LibraryStateStore(db), articles, transaction);
  const codebook = new CodebookService(transaction, actors, topics);
  const annotationStore = new AnnotationStore(db);
  const annotations = new AnnotationService(transaction, annotationStore, articles, actors, topics);
  const quotes = new QuoteService(new QuoteStore(db), articles, actors, topics);
  const briefings = new BriefingService(transaction, new BriefingStore(db), new RecordUidStore(db));
  const suggestions = new SuggestionService({
    transaction,
    isOpen: () => db.open,
    store: new SuggestionStore(db),
    articles,
    actors,
    annotationStore,
    annotations,
    codebook,
    run: options.suggest ?? suggestInProcess(),
    prepareInBackground: options.prepareSuggestions ?? false,
    readOnly: library.readOnly,
    onError: options.onBackgroundError,
  });
  // Suggestions are computed in the background for new articles and again after text edits.
  const importer = new ImportService(articles, transaction, options.readHtml, (id) => suggestions.prepare(id), options.readPdf);
  const landscape = new LandscapeService(new LandscapeStore(db), topics);
  return {
    library: libraryService,
    importer,
    web: new WebImportService(importer, options.web),
    search: new SearchService(new SearchStore(db)),
    codebook,
    annotations,
    articleText: new ArticleTextService(transaction, articles, annotationStore, (id) => suggestions.prepare(id)),
    quotes,
    landscape,
    briefings,
    exporter: new ExportService({ briefings, library: libraryService, annotations, codebook, quotes, landscape }, options.printer),
    suggestions,
  };
}

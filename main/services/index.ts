// The services over one open library: plain classes, no Electron, no HTTP.
import type { Library } from '../store/open';
import { ArticleStore } from '../store/articles';
import { SearchStore } from '../store/search';
import { ActorStore } from '../store/actors';
import { TopicStore } from '../store/topics';
import { AnnotationStore } from '../store/annotations';
import { QuoteStore } from '../store/quotes';
import { BriefingStore } from '../store/briefings';
import { ImportService } from './import/service';
import { LibraryService } from './library';
import { CodebookService } from './codebook';
import { AnnotationService } from './annotations';
import { BriefingService } from './briefings';
import { ExportService } from './export/briefing';
import type { Printer } from './export/printer';
import type { HtmlReader } from './import/html-reader';
import { useShortLockWait, writeTransaction } from '../store/write-lock';
import { SuggestionStore } from '../store/suggestions';
import { SuggestionService } from './suggestions';
import { suggestInProcess, type SuggestRunner } from '../attribution/background';

export interface Services {
  library: LibraryService;
  importer: ImportService;
  search: SearchStore;
  codebook: CodebookService;
  annotations: AnnotationService;
  quotes: QuoteStore;
  briefings: BriefingService;
  exporter: ExportService;
  suggestions: SuggestionService;
}

export interface ServiceOptions {
  /** Turns HTML into PDF; without one, PDF export fails with `unsupported` (the other formats still work). */
  printer?: Printer;
  /** Reads saved web pages; by default on the calling thread (the app and the CLI use an HtmlWorker). */
  readHtml?: HtmlReader;
  /** Runs the attribution engine; by default on the calling thread (the app and the CLI use a SuggestWorker). */
  suggest?: SuggestRunner;
  /** Compute suggestions in the background after an import or a text edit (long-running processes: the app, browser mode). */
  prepareSuggestions?: boolean;
  /** Where background work that failed is reported. */
  onBackgroundError?: (err: unknown) => void;
}

export function createServices(library: Library, options: ServiceOptions = {}): Services {
  const db = library.db;
  // Writes wait for another process's lock on a timer (the router's retryWhileBusy), not inside SQLite.
  useShortLockWait(db);
  const articles = new ArticleStore(db);
  const actors = new ActorStore(db);
  const topics = new TopicStore(db);
  const transaction = <T>(fn: () => T): T => writeTransaction(db, fn);
  const libraryService = new LibraryService(library, articles);
  const codebook = new CodebookService(db, actors, topics);
  const annotationStore = new AnnotationStore(db);
  const annotations = new AnnotationService(db, annotationStore, articles, actors, topics);
  const quotes = new QuoteStore(db);
  const briefings = new BriefingService(db, new BriefingStore(db));
  const suggestions = new SuggestionService({
    db,
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
  return {
    library: libraryService,
    importer: new ImportService(articles, transaction, options.readHtml, (id) => suggestions.prepare(id)),
    search: new SearchStore(db),
    codebook,
    annotations,
    quotes,
    briefings,
    exporter: new ExportService({ briefings, library: libraryService, annotations, codebook, quotes }, options.printer),
    suggestions,
  };
}

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

export interface Services {
  library: LibraryService;
  importer: ImportService;
  search: SearchStore;
  codebook: CodebookService;
  annotations: AnnotationService;
  quotes: QuoteStore;
  briefings: BriefingService;
}

export function createServices(library: Library): Services {
  const db = library.db;
  const articles = new ArticleStore(db);
  const actors = new ActorStore(db);
  const topics = new TopicStore(db);
  const transaction = <T>(fn: () => T): T => db.transaction(fn).immediate();
  return {
    library: new LibraryService(library, articles),
    importer: new ImportService(articles, transaction),
    search: new SearchStore(db),
    codebook: new CodebookService(db, actors, topics),
    annotations: new AnnotationService(db, new AnnotationStore(db), articles, actors, topics),
    quotes: new QuoteStore(db),
    briefings: new BriefingService(db, new BriefingStore(db)),
  };
}

// The services over one open library: plain classes, no Electron, no HTTP.
import type { Library } from '../store/open';
import { ArticleStore } from '../store/articles';
import { SearchStore } from '../store/search';
import { ImportService } from './import/service';
import { LibraryService } from './library';

export interface Services {
  library: LibraryService;
  importer: ImportService;
  search: SearchStore;
}

export function createServices(library: Library): Services {
  const articles = new ArticleStore(library.db);
  const transaction = <T>(fn: () => T): T => library.db.transaction(fn).immediate();
  return {
    library: new LibraryService(library, articles),
    importer: new ImportService(articles, transaction),
    search: new SearchStore(library.db),
  };
}

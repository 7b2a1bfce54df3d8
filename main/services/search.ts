// Search across the library: articles, quotes and notes (by their words, comment, tags or
// speaker), actors and briefings, ranked together (the ranking lives in store/search.ts).
import type { SearchHit } from '../../shared/model';
import type { SearchStore } from '../store/search';

export class SearchService {
  constructor(private readonly index: SearchStore) {}

  search(query: string, limit?: number): SearchHit[] {
    return this.index.search(query, limit);
  }
}

import type { Migration } from './migration';
import { initial } from './0001-initial';
import { codebookAnnotations } from './0002-codebook-annotations';
import { briefings } from './0003-briefings';
import { trashOutOfSearch } from './0004-trash-out-of-search';
import { changedQuotes } from './0005-changed-quotes';
import { searchTagsActors } from './0006-search-tags-actors';
import { suggestions } from './0007-suggestions';
import { libraryListIndexes } from './0008-library-list-indexes';
import { sourceFormats } from './0009-source-formats';
import { cjkSearch } from './0010-cjk-search';
import { dateAsWritten } from './0011-date-as-written';
import { quoteIndexes } from './0012-quote-indexes';
import { recordUids } from './0013-record-uids';
import { articleStructure } from './0014-article-structure';
import { teamOutbox } from './0015-team-outbox';
import { teamCoding } from './0016-team-coding';
import { teamBriefings } from './0017-team-briefings';
import { teamWanted } from './0018-team-wanted';

/** Every migration in order; the last one's version is the schema this build writes. */
export const migrations: readonly Migration[] = [initial, codebookAnnotations, briefings, trashOutOfSearch, changedQuotes, searchTagsActors, suggestions, libraryListIndexes, sourceFormats, cjkSearch, dateAsWritten, quoteIndexes, recordUids, articleStructure, teamOutbox, teamCoding, teamBriefings, teamWanted];

export const LATEST_VERSION = migrations[migrations.length - 1]!.version;
export type { Migration };

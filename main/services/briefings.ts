// Briefings: create (blank or from a template), edit metadata, autosave the doc, revisions, trash.
import { Node } from 'prosemirror-model';
import type { BriefingStore, BriefingPatch } from '../store/briefings';
import type { Briefing, BriefingMeta, BriefingRevision } from '../../shared/model';
import { briefingSchema, briefingText, BRIEFING_SCHEMA_VERSION } from '../../shared/schema/briefing';
import { FutureBriefingError, type StoredBriefingDoc } from '../../shared/schema/briefing-migrations';
import { loadBriefingDoc } from '../../shared/schema/briefing-load';
import { templateDoc, type BriefingTemplate } from '../../shared/schema/templates';
import { countWords } from '../../shared/schema';
import type { Transaction } from '../store/write-lock';
import { AppError, notFound } from '../errors';
import type { RecordUidStore } from '../store/record-uids';
import { withRecordUids } from '../store/briefing-uids';

export { REVISION_INTERVAL_MS } from '../store/briefings';

const TEMPLATE_TITLES: Record<BriefingTemplate, string> = { blank: 'Untitled briefing', situation: 'Situation brief' };

export class BriefingService {
  constructor(
    private readonly tx: Transaction,
    private readonly briefings: BriefingStore,
    private readonly recordUids: RecordUidStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  list(trash = false): BriefingMeta[] {
    return this.briefings.list(trash);
  }

  get(id: number): Briefing {
    const meta = this.briefings.meta(id) ?? fail(id);
    const stored = this.briefings.body(id)!;
    return { ...meta, doc: readable(stored, stored.text), schemaVersion: BRIEFING_SCHEMA_VERSION };
  }

  create(input: { template?: BriefingTemplate; title?: string; classification?: string; author?: string }): Briefing {
    const template = input.template ?? 'blank';
    const body = this.body(templateDoc(template));
    const id = this.tx(() =>
      this.briefings.insert(
        {
          title: input.title?.trim() || TEMPLATE_TITLES[template],
          classification: input.classification ?? '',
          author: input.author ?? '',
          date: this.now().toISOString().slice(0, 10),
        },
        body,
        this.now().toISOString(),
      ),
    );
    return this.get(id);
  }

  update(id: number, patch: BriefingPatch): BriefingMeta {
    return this.tx(() => {
      this.live(id);
      if (patch.title !== undefined && !patch.title.trim()) throw new AppError('invalid_input', 'A briefing needs a title.');
      this.briefings.update(id, { ...patch, title: patch.title?.trim() }, this.now().toISOString());
      return this.briefings.meta(id)!;
    });
  }

  /**
   * Saves the doc. `baseVersion` is the version the editor started from: if the briefing was saved
   * from elsewhere since, the save is refused (`conflict`) instead of silently overwriting it.
   */
  save(id: number, docJSON: unknown, baseVersion?: number): BriefingMeta {
    // Parsed, checked and projected to text before the write lock is taken.
    const body = this.body(this.parse(docJSON));
    return this.tx(() => {
      const meta = this.live(id);
      if (baseVersion !== undefined && baseVersion !== meta.version) {
        throw new AppError('conflict', `“${meta.title}” was changed elsewhere since this copy was opened (version ${meta.version}, not ${baseVersion}); reload it to continue.`);
      }
      const now = this.now();
      this.briefings.saveBody(id, body, now.toISOString());
      this.briefings.reviseIfDue(id, now);
      return this.briefings.meta(id)!;
    });
  }

  duplicate(id: number): Briefing {
    const source = this.get(id);
    const body = this.body(Node.fromJSON(briefingSchema, source.doc));
    const copy = this.tx(() =>
      this.briefings.insert(
        { title: `${source.title} (copy)`, classification: source.classification, author: source.author, date: source.date },
        body,
        this.now().toISOString(),
      ),
    );
    return this.get(copy);
  }

  delete(id: number): BriefingMeta {
    return this.tx(() => {
      if (!this.briefings.meta(id)) fail(id);
      this.briefings.setDeleted(id, this.now().toISOString());
      return this.briefings.meta(id)!;
    });
  }

  restore(id: number): BriefingMeta {
    return this.tx(() => {
      if (!this.briefings.meta(id)) fail(id);
      this.briefings.setDeleted(id, null);
      return this.briefings.meta(id)!;
    });
  }

  revisions(id: number): BriefingRevision[] {
    if (!this.briefings.meta(id)) fail(id);
    return this.briefings.revisions(id);
  }

  revision(revisionId: number): BriefingRevision & { doc: unknown } {
    const r = this.briefings.revision(revisionId);
    if (!r) throw notFound('Revision', revisionId);
    return { ...r, doc: readable(r) };
  }

  /** A revision taken on demand ("Save a revision now"). */
  snapshot(id: number, reason: BriefingRevision['reason'] = 'manual'): BriefingRevision {
    return this.tx(() => {
      this.live(id);
      const revisionId = this.briefings.addRevision(id, reason, this.now().toISOString());
      return this.briefings.revisions(id).find((r) => r.id === revisionId)!;
    });
  }

  private live(id: number): BriefingMeta {
    const meta = this.briefings.meta(id) ?? fail(id);
    if (meta.deletedAt) throw new AppError('conflict', `“${meta.title}” is in the trash; restore it first.`);
    return meta;
  }

  private parse(docJSON: unknown): Node {
    let doc: Node;
    try {
      doc = Node.fromJSON(briefingSchema, docJSON);
      doc.check();
    } catch (err) {
      // The schema checks every attribute (see shared/schema/attrs.ts), so its message names the value.
      throw new AppError('invalid_input', `The briefing was not saved: ${(err as Error).message}`);
    }
    return doc;
  }

  private body(doc: Node) {
    const text = briefingText(doc);
    return { doc: withRecordUids(doc.toJSON(), this.recordUids), schemaVersion: BRIEFING_SCHEMA_VERSION, text, wordCount: countWords(text) };
  }
}

/** The stored doc of the current schema (`loadBriefingDoc`); one a newer build wrote is refused in words. */
function readable(stored: StoredBriefingDoc, text = ''): unknown {
  try {
    return loadBriefingDoc(stored, text);
  } catch (err) {
    if (err instanceof FutureBriefingError) throw new AppError('unsupported', err.message);
    throw err;
  }
}

function fail(id: number): never {
  throw notFound('Briefing', id);
}

// The codebook: actors (with aliases and affiliations), topics and their positions. Renames,
// merges and moves never orphan an annotation; deletes of things in use ask first (`conflict`
// with the count) unless forced.
import type { ActorStore, MergeRecord } from '../store/actors';
import type { TopicStore } from '../store/topics';
import type { CallInput } from '../../shared/contract';
import type { Actor, Position, Topic } from '../../shared/model';
import type { Transaction } from '../store/write-lock';
import { AppError, notFound } from '../errors';
import { paletteColor } from './palette';
import { plural } from '../../shared/plural';

type ActorInput = Omit<CallInput<'actors.update'>, 'id'>;

export class CodebookService {
  /** Merges of this session, for undo: what each changed. */
  private readonly merges = new Map<number, MergeRecord>();
  private mergeSeq = 0;

  constructor(
    private readonly tx: Transaction,
    private readonly actors: ActorStore,
    private readonly topics: TopicStore,
  ) {}

  listActors(): Actor[] {
    return this.actors.list();
  }

  actor(id: number): Actor {
    return this.actors.get(id) ?? fail('Actor', id);
  }

  createActor(input: ActorInput & { name: string }): Actor {
    return this.tx(() => {
      const name = input.name.trim();
      this.assertNameFree(name);
      const id = this.actors.insert({ name, kind: input.kind ?? 'person', color: input.color ?? paletteColor(this.actors.count()), notes: input.notes ?? null });
      this.applyLinks(id, input);
      return this.actors.get(id)!;
    });
  }

  updateActor(id: number, input: ActorInput): Actor {
    return this.tx(() => {
      const current = this.actor(id);
      const name = input.name?.trim();
      if (name && name.toLowerCase() !== current.name.toLowerCase()) this.assertNameFree(name, id);
      this.actors.update(id, { name, kind: input.kind, color: input.color, notes: input.notes });
      this.applyLinks(id, input);
      return this.actors.get(id)!;
    });
  }

  private applyLinks(id: number, input: ActorInput) {
    if (input.aliases) {
      const own = (input.name ?? this.actors.get(id)!.name).toLowerCase();
      const aliases = [...new Map(input.aliases.map((a) => [a.trim().toLowerCase(), a.trim()])).values()].filter((a) => a.toLowerCase() !== own);
      this.actors.setAliases(id, aliases);
    }
    if (input.affiliations) {
      for (const a of input.affiliations) {
        if (a.organizationId === id) throw new AppError('invalid_input', 'An actor cannot be affiliated with itself.');
        if (!this.actors.get(a.organizationId)) throw notFound('Actor', a.organizationId);
      }
      this.actors.setAffiliations(id, input.affiliations.map((a) => ({ organizationId: a.organizationId, role: a.role?.trim() || null })));
    }
  }

  private assertNameFree(name: string, exceptId?: number) {
    const other = this.actors.findByName(name);
    if (other && other.id !== exceptId) throw new AppError('conflict', `There is already an actor named “${name}”; merge them instead.`);
  }

  deleteActor(id: number, force = false): { id: number; annotations: number } {
    return this.tx(() => {
      const actor = this.actor(id);
      const used = this.actors.usage(id);
      const members = this.actors.members(id);
      if ((used || members) && !force) {
        const consequences = [
          used && `is the speaker of ${plural(used, 'annotation')}, which would be left without a speaker`,
          members && `is the organization of ${plural(members, 'actor')}, whose affiliation${members === 1 ? '' : 's'} would end`,
        ].filter(Boolean);
        throw new AppError('conflict', `“${actor.name}” ${consequences.join(', and ')}.`);
      }
      this.actors.delete(id);
      return { id, annotations: used };
    });
  }

  /** Merges `source` into `target`; `mergeId` undoes it with `unmergeActors` while this process runs. */
  mergeActors(sourceId: number, targetId: number): Actor & { mergeId: number } {
    if (sourceId === targetId) throw new AppError('invalid_input', 'An actor cannot be merged into itself.');
    return this.tx(() => {
      this.actor(sourceId);
      this.actor(targetId);
      const mergeId = ++this.mergeSeq;
      this.merges.set(mergeId, this.actors.merge(sourceId, targetId));
      return { ...this.actors.get(targetId)!, mergeId };
    });
  }

  /**
   * Undoes a merge exactly: the merged actor comes back with its own id, name, aliases, affiliations
   * and annotations, and the survivor loses what the merge gave it. Refused, changing nothing, when
   * that can no longer be done exactly.
   */
  unmergeActors(mergeId: number): Actor {
    const record = this.merges.get(mergeId);
    if (!record) throw new AppError('conflict', 'This merge can no longer be undone: it was made before Verbatim was last started, or it was already undone.');
    return this.tx(() => {
      const { source, targetId } = record;
      if (!this.actors.get(targetId)) throw new AppError('conflict', `The merge of “${source.name}” cannot be undone: the actor it was merged into has been deleted or merged since.`);
      const clash = this.actors.findByIdOrName(source.id, source.name);
      if (clash) {
        const why = clash.name.toLowerCase() === source.name.toLowerCase() ? `there is an actor named “${clash.name}” again` : `“${clash.name}”, created since, has taken its place`;
        throw new AppError('conflict', `The merge of “${source.name}” cannot be undone: ${why}.`);
      }
      this.actors.unmerge(record);
      this.merges.delete(mergeId);
      return this.actors.get(source.id)!;
    });
  }

  listTopics(): Topic[] {
    return this.topics.list();
  }

  topic(id: number): Topic {
    return this.topics.get(id) ?? fail('Topic', id);
  }

  createTopic(name: string, description: string | null = null): Topic {
    return this.tx(() => {
      if (this.topics.findByName(name.trim())) throw new AppError('conflict', `There is already a topic named “${name.trim()}”.`);
      return this.topics.get(this.topics.insert(name.trim(), description))!;
    });
  }

  updateTopic(id: number, f: { name?: string; description?: string | null }): Topic {
    return this.tx(() => {
      this.topic(id);
      const other = f.name && this.topics.findByName(f.name.trim());
      if (other && other.id !== id) throw new AppError('conflict', `There is already a topic named “${f.name!.trim()}”.`);
      this.topics.update(id, { name: f.name?.trim(), description: f.description });
      return this.topics.get(id)!;
    });
  }

  deleteTopic(id: number): { id: number } {
    return this.tx(() => {
      const topic = this.topic(id);
      if (topic.positions.length) {
        throw new AppError('conflict', `“${topic.name}” still has ${plural(topic.positions.length, 'position')}; move or delete them first.`);
      }
      this.topics.delete(id);
      return { id };
    });
  }

  position(id: number): Position {
    return this.topics.position(id) ?? fail('Position', id);
  }

  createPosition(topicId: number, claim: string, description: string | null = null): Position {
    return this.tx(() => {
      this.topic(topicId);
      if (this.topics.findPosition(topicId, claim.trim())) throw new AppError('conflict', `This topic already has the position “${claim.trim()}”.`);
      return this.topics.position(this.topics.insertPosition(topicId, claim.trim(), description))!;
    });
  }

  updatePosition(id: number, f: { claim?: string; description?: string | null; topicId?: number }): Position {
    return this.tx(() => {
      const current = this.position(id);
      const topicId = f.topicId ?? current.topicId;
      if (f.topicId !== undefined) this.topic(f.topicId);
      const claim = f.claim?.trim() ?? current.claim;
      const clash = this.topics.findPosition(topicId, claim);
      if (clash && clash.id !== id) throw new AppError('conflict', `That topic already has the position “${claim}”; merge them instead.`);
      this.topics.updatePosition(id, { claim: f.claim?.trim(), description: f.description, topicId: f.topicId });
      return this.topics.position(id)!;
    });
  }

  deletePosition(id: number, force = false): { id: number; annotations: number } {
    return this.tx(() => {
      const p = this.position(id);
      const used = this.topics.positionUsage(id);
      if (used && !force) throw new AppError('conflict', `“${p.claim}” is coded on ${plural(used, 'annotation')}; deleting it removes that coding.`);
      this.topics.deletePosition(id);
      return { id, annotations: used };
    });
  }

  mergePositions(sourceId: number, targetId: number): Position {
    if (sourceId === targetId) throw new AppError('invalid_input', 'A position cannot be merged into itself.');
    return this.tx(() => {
      this.position(sourceId);
      this.position(targetId);
      this.topics.mergePositions(sourceId, targetId);
      return this.topics.position(targetId)!;
    });
  }
}

function fail(what: string, id: number): never {
  throw notFound(what, id);
}

// Who a source mention is: "Kim" → the fullest name the article gives ("Kim Jung Han"), "he" → the
// last person named before, "the minister" → the person that title was given to, "the ministry" →
// the organisation; then the codebook actor with that name or alias, if any.
import { guessActorKind } from '../../shared/actor-kind';
import type { ActorName, SuggestedSpeaker } from '../../shared/suggestion';
import { tokenAt, type Token } from './text-model';

const HONORIFICS = new Set(['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'sir', 'dame', 'prof', 'prof.']);
const TITLES = new Set(['president', 'vice', 'prime', 'minister', 'secretary', 'senator', 'sen.', 'rep.', 'representative', 'gov.', 'governor', 'mayor', 'chairman', 'chairwoman', 'chair', 'chancellor', 'premier', 'king', 'queen', 'prince', 'princess', 'general', 'gen.', 'judge', 'justice', 'speaker', 'leader', 'director', 'chief', 'spokesman', 'spokeswoman', 'spokesperson', 'ambassador', 'commissioner', 'attorney', 'former', 'foreign', 'defense', 'defence', 'finance', 'trade', 'state', 'deputy', 'acting', 'candidate', 'nominee', 'democratic', 'republican', 'sen', 'rep', 'gov', 'lt.', 'col.', 'adm.', 'pope', 'rev.', 'u.s.', 'house', 'senate', 'majority', 'minority', 'whip', 'presidential', 'professor', 'economist', 'analyst', 'ceo', 'executive', 'founder', 'lawmaker', 'official', 'adviser', 'advisor', 'aide', 'manager', 'campaign', 'white', 'labor', 'labour', 'economy', 'industry', 'health', 'justice', 'interior', 'environment', 'education', 'cabinet', 'union', 'party']);
const FEMALE = new Set(['she', 'her', 'hers', 'herself', 'mrs', 'mrs.', 'ms', 'ms.', 'madam', 'woman', 'spokeswoman', 'chairwoman', 'congresswoman', 'queen', 'princess']);
const MALE = new Set(['he', 'him', 'his', 'himself', 'mr', 'mr.', 'man', 'spokesman', 'chairman', 'congressman', 'king', 'prince']);
const PLURAL_PRONOUNS = new Set(['they', 'we', 'them']);
const GROUP_NOUN = /^(officials?|sources?|analysts?|experts?|critics?|lawmakers?|people|residents?|workers?|voters?|observers?|diplomats?|aides?|advisers?|economists?|supporters?|opponents?|activists?|others?|some|many|several|protesters?|leaders?)$/i;

type Gender = 'male' | 'female' | null;

/** Lower-case words that may join the parts of a name ("Ministry of Defence", "Ursula von der Leyen"). */
const CONNECTORS = new Set(['of', 'for', 'de', 'van', 'von', 'der', 'bin', 'al', 'la', 'le', '&']);

// Capitalised words that name no one: days, months, holidays.
const NOT_NAMES = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|christmas|easter|ramadan|thanksgiving|today|tonight)$/i;

interface Entity {
  name: string;
  tokens: string[];
  kind: 'person' | 'organization' | 'state' | 'group';
  gender: Gender;
  /** Offsets where it is mentioned, in order. */
  mentions: number[];
  /** The sentence of each mention, and whether the mention opened its clause (a subject). */
  sentences: number[];
  /** Titles given to it ("minister", "spokesman"). */
  titles: Set<string>;
}

function normal(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .replace(/[^\p{L}\p{N}\s.-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const isCap = (t: Token) => /^\p{Lu}/u.test(t.text) || /^\p{Lo}/u.test(t.text);

/** The people and organisations an article names, and what it calls them. */
export class SpeakerIndex {
  private readonly entities: Entity[] = [];
  private readonly byNormal = new Map<string, Entity>();
  /** Speakers in the order they spoke, to resolve "he" to the last one. */
  private readonly spoke: Array<{ at: number; entity: Entity }> = [];
  private readonly actors: Array<{ actor: ActorName; names: string[]; lastNames: string[] }>;

  constructor(
    private readonly tokens: readonly Token[],
    actors: readonly ActorName[],
  ) {
    this.actors = actors.map((actor) => {
      const names = [actor.name, ...actor.aliases].map(normal).filter(Boolean);
      return { actor, names, lastNames: names.map((n) => n.split(' ').pop()!) };
    });
    this.collectNames();
  }

  /** Capitalised runs of words (not sentence-initial function words) are the article's names. */
  private collectNames() {
    const t = this.tokens;
    let i = 0;
    while (i < t.length) {
      if (!isCap(t[i]!) || t[i]!.pos === 'PUNCT' || t[i]!.pos === 'PRON' || t[i]!.pos === 'DET' || t[i]!.pos === 'ADP' || t[i]!.pos === 'AUX' || t[i]!.pos === 'SCONJ' || t[i]!.pos === 'CCONJ') {
        i++;
        continue;
      }
      let j = i;
      while (j < t.length && (isCap(t[j]!) || (CONNECTORS.has(t[j]!.lower) && j + 1 < t.length && isCap(t[j + 1]!) && j > i)) && t[j]!.sentence === t[i]!.sentence && t[j]!.pos !== 'PUNCT') j++;
      // "Foreign Minister Kim Jung Han": titles before a name are titles, not the name.
      // "House Budget Committee Chairwoman Ana Kovac": the name follows the last title word.
      let nameStart = i;
      const wholeRun = t.slice(i, j).map((x) => x.text).join(' ');
      for (let k = j - 2; k >= i && guessActorKind(wholeRun) === 'person'; k--) {
        if (TITLES.has(t[k]!.lower) || HONORIFICS.has(t[k]!.lower)) {
          nameStart = k + 1;
          break;
        }
      }
      const titles: string[] = t.slice(i, nameStart).map((x) => x.lower).filter((x) => TITLES.has(x) || HONORIFICS.has(x));
      const words = t.slice(nameStart, j).map((x) => x.text);
      // A capitalised word opening a sentence is usually just that ("The", "But", "Officials").
      const sentenceInitial = i === 0 || t[i - 1]!.sentence !== t[i]!.sentence || /^[“"„«]$/.test(t[i - 1]!.text);
      if (words.length === 1 && sentenceInitial && t[nameStart]!.pos !== 'PROPN' && titles.length === 0) {
        i = j;
        continue;
      }
      if (words.length > 0 && words.length <= 7 && !words.every((w) => NOT_NAMES.test(w))) {
        const honorific = titles.find((x) => HONORIFICS.has(x));
        const entity = this.add(words.join(' '), t[nameStart]!.start, titles.length > 0 || honorific !== undefined || words.length >= 2 ? 'person' : null);
        if (honorific) entity.gender = FEMALE.has(honorific) ? 'female' : 'male';
        for (const title of titles) if (!HONORIFICS.has(title)) entity.titles.add(title);
        // "Kim Jung Han, the foreign minister," — the appositive's head noun is a title too.
        if (t[j]?.text === ',' && (t[j + 1]?.lower === 'the' || t[j + 1]?.lower === 'a')) {
          let k = j + 2;
          while (k < t.length && k < j + 8 && t[k]!.text !== ',' && t[k]!.text !== '.' && t[k]!.pos !== 'VERB') k++;
          const head = t[k - 1];
          if (head && head.pos === 'NOUN') entity.titles.add(head.lower);
        }
      }
      i = j;
    }
  }

  private add(name: string, at: number, hint: 'person' | null): Entity {
    const key = normal(name);
    const known = this.byNormal.get(key) ?? this.longerNameFor(key);
    if (known) {
      known.mentions.push(at);
      known.sentences.push(this.sentenceAt(at));
      return known;
    }
    const guessed = guessActorKind(name);
    const kind: Entity['kind'] = guessed === 'person' ? 'person' : guessed === 'state' ? 'state' : 'organization';
    const entity: Entity = { name, tokens: key.split(' '), kind: hint === 'person' && kind === 'person' ? 'person' : kind, gender: null, mentions: [at], sentences: [this.sentenceAt(at)], titles: new Set() };
    this.entities.push(entity);
    this.byNormal.set(key, entity);
    return entity;
  }

  /** The sentence of the last token starting at or before `at`. */
  private sentenceAt(at: number): number {
    return this.tokens[Math.max(0, tokenAt(this.tokens, at + 1) - 1)]?.sentence ?? 0;
  }

  /** "Kim" after "Kim Jung Han", "Fischer" after "Lena Fischer": the person already named. */
  private longerNameFor(key: string): Entity | undefined {
    const words = key.split(' ');
    let best: Entity | undefined;
    for (const e of this.entities) {
      if (e.kind !== 'person' || e.tokens.length <= words.length) continue;
      const last = e.tokens.slice(-words.length).join(' ');
      const first = e.tokens.slice(0, words.length).join(' ');
      if (last === key || (first === key && words.length === 1 && e.tokens.length >= 3)) {
        if (!best || e.mentions[0]! < best.mentions[0]!) best = e;
      }
    }
    return best;
  }

  /** Resolves the source tokens [first, end) mentioned at `at`. */
  resolve(first: number, end: number): SuggestedSpeaker | null {
    const mention = this.tokens.slice(first, end);
    const at = mention[0]!.start;
    const entity = this.entityFor(mention, at);
    if (!entity) return null;
    if (entity.kind === 'person' && mention.some((m) => FEMALE.has(m.lower))) entity.gender ??= 'female';
    if (entity.kind === 'person' && mention.some((m) => MALE.has(m.lower))) entity.gender ??= 'male';
    this.spoke.push({ at, entity });
    return { name: entity.name, actorId: this.actorFor(entity.name, mention.map((m) => m.text).join(' ')) };
  }

  private entityFor(mention: Token[], at: number): Entity | null {
    const head = mention[0]!;
    if (mention.length === 1 && head.pos === 'PRON') {
      if (PLURAL_PRONOUNS.has(head.lower) || head.lower === 'i' || head.lower === 'you') return this.lastOrganization(at);
      if (head.lower === 'it') return this.lastOrganization(at);
      const gender: Gender = FEMALE.has(head.lower) ? 'female' : MALE.has(head.lower) ? 'male' : null;
      return this.lastPerson(at, gender);
    }
    // The capitalised words of the mention, titles and honorifics aside, are a name.
    // The last unbroken run of capitalised words before any comma: "Opposition leader Ana Kovac"
    // is Ana Kovac, "the Foreign Ministry" the Foreign Ministry.
    const capitals = lastCapitalRun(mention);
    const beforeComma = stopAtComma(mention, capitals);
    let k = 0;
    for (let x = beforeComma.length - 2; x >= 0; x--) {
      if (TITLES.has(beforeComma[x]!.lower) || HONORIFICS.has(beforeComma[x]!.lower)) {
        k = x + 1;
        break;
      }
    }
    const nameWords = guessActorKind(beforeComma.map((w) => w.text).join(' ')) === 'person' ? beforeComma.slice(k) : beforeComma;
    if (nameWords.length > 0 && !(nameWords.length === 1 && TITLES.has(nameWords[0]!.lower))) {
      const key = normal(nameWords.map((w) => w.text).join(' '));
      const known = this.byNormal.get(key);
      const longer = this.longerNameFor(key);
      if (longer && (!known || known.tokens.length < longer.tokens.length)) return longer;
      if (known) return known;
      return this.add(nameWords.map((w) => w.text).join(' '), at, null);
    }
    // "the minister", "the ministry", "the company": a title given to a person, or an organisation.
    const nouns = mention.filter((m) => m.pos === 'NOUN' || m.pos === 'PROPN');
    const headNoun = nouns[nouns.length - 1];
    if (!headNoun) return null;
    if (GROUP_NOUN.test(headNoun.lower) || /^(a|an|some|one|two|three|several|many)$/.test(head.lower)) return null;
    const titled = this.lastWithTitle(headNoun.lower, at);
    if (titled) return titled;
    return this.lastOrganizationNamed(headNoun.lower, at);
  }

  private lastPerson(at: number, gender: Gender): Entity | null {
    const fits = (e: Entity) => e.kind === 'person' && (gender === null || e.gender === null || e.gender === gender);
    const here = this.sentenceAt(at);
    // "“…,” Kim said. He added …": the one who just spoke, if that was in the last two sentences.
    for (let i = this.spoke.length - 1; i >= 0 && i >= this.spoke.length - 3; i--) {
      const { entity, at: when } = this.spoke[i]!;
      if (when < at && here - this.sentenceAt(when) <= 2 && fits(entity)) return entity;
    }
    // Otherwise the subject of the nearest sentence naming someone who fits: its first such name.
    let best: Entity | null = null;
    let bestSentence = -1;
    let bestAt = Infinity;
    for (const e of this.entities) {
      if (!fits(e)) continue;
      e.mentions.forEach((m, k) => {
        if (m >= at) return;
        const sentence = e.sentences[k]!;
        if (sentence > bestSentence || (sentence === bestSentence && m < bestAt)) {
          best = e;
          bestSentence = sentence;
          bestAt = m;
        }
      });
    }
    return best;
  }

  private lastOrganization(at: number): Entity | null {
    for (let i = this.spoke.length - 1; i >= 0 && i >= this.spoke.length - 2; i--) {
      if (this.spoke[i]!.entity.kind !== 'person' && this.spoke[i]!.at < at) return this.spoke[i]!.entity;
    }
    return null;
  }

  private lastWithTitle(title: string, at: number): Entity | null {
    let best: Entity | null = null;
    let bestAt = -1;
    for (const e of this.entities) {
      if (!e.titles.has(title)) continue;
      const m = e.mentions.filter((x) => x < at).pop();
      if (m !== undefined && m > bestAt) {
        best = e;
        bestAt = m;
      }
    }
    return best;
  }

  private lastOrganizationNamed(noun: string, at: number): Entity | null {
    let best: Entity | null = null;
    let bestAt = -1;
    for (const e of this.entities) {
      if (e.kind === 'person' || !e.tokens.includes(noun)) continue;
      const m = e.mentions.filter((x) => x < at).pop();
      if (m !== undefined && m > bestAt) {
        best = e;
        bestAt = m;
      }
    }
    return best;
  }

  /** The codebook actor this speaker is: by name or alias, then by a surname only one actor has. */
  actorFor(name: string, asWritten: string): number | null {
    const keys = [normal(name), normal(asWritten)];
    for (const { actor, names } of this.actors) if (keys.some((k) => names.includes(k))) return actor.id;
    const last = keys[0]!.split(' ').pop()!;
    const bySurname = this.actors.filter((a) => a.lastNames.includes(last) && keys[0]!.split(' ').length >= 1);
    if (bySurname.length === 1 && keys[0]!.split(' ').length > 1) {
      const first = keys[0]!.split(' ')[0]!;
      if (bySurname[0]!.names.some((n) => n.startsWith(first))) return bySurname[0]!.actor.id;
    }
    return null;
  }
}

function lastCapitalRun(mention: Token[]): Token[] {
  // Before any comma or bracket: "Rep. Ana Kovac (D-Wis.), head of the caucus" is Ana Kovac.
  const stop = mention.findIndex((m) => m.text === ',' || m.text === '(');
  const upTo = stop < 0 ? mention.length : stop;
  // The name must be the mention's head: "Other Green candidates" names no one.
  let end = upTo;
  while (end > 0 && (mention[end - 1]!.pos === 'PUNCT' || mention[end - 1]!.pos === 'PART')) end--;
  if (end === 0 || !isCap(mention[end - 1]!)) return [];
  let start = end;
  // "Foreign Ministry of Ruritania": a lower-case joining word between capitals stays in the name.
  const joins = (k: number) => k > 0 && CONNECTORS.has(mention[k]!.lower) && isCap(mention[k - 1]!);
  while (start > 0 && ((isCap(mention[start - 1]!) && mention[start - 1]!.pos !== 'DET' && mention[start - 1]!.pos !== 'PUNCT') || joins(start - 1))) start--;
  return mention.slice(start, end);
}

/** "Brenner, who served as union leader": the name is the part before the first comma. */
function stopAtComma(mention: Token[], words: Token[]): Token[] {
  const comma = mention.findIndex((m) => m.text === ',');
  if (comma < 0) return words;
  const limit = mention[comma]!.start;
  return words.filter((w) => w.start < limit);
}

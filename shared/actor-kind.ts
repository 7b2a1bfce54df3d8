// A first guess at what kind of actor a new name is, so "Government of Japan" is not filed as a
// person. Only a guess: the form shows it and the analyst can change it with one click.
import type { ActorKind } from './model';

// Words that name institutions rather than people, in English news usage.
const ORGANIZATION = /\b(ministry|ministries|government|agency|office|council|committee|commission|court|parliament|assembly|congress|senate|party|association|federation|union|company|corporation|corp|inc|ltd|group|bank|bureau|department|dept|embassy|foundation|institute|university|college|league|army|navy|forces|police|press|news|times|network|organi[sz]ation|authority|board|cabinet|secretariat|coalition|alliance|movement|front|fund|trust|society|club|nations|nato|eu|asean|steel|industries|holdings|motors|electronics)\b/i;
const STATE = /^(the )?(republic|kingdom|state|states|people's republic|federation|democratic republic) of\b|^(japan|south korea|north korea|korea|china|taiwan|united states|usa|us|u\.s\.|russia|france|germany|united kingdom|uk|india|australia|canada|philippines|vietnam|indonesia)$/i;

/** The kind to propose for a new actor's name; 'person' when nothing suggests otherwise. */
export function guessActorKind(name: string): ActorKind {
  const n = name.trim();
  if (STATE.test(n)) return 'state';
  if (ORGANIZATION.test(n)) return 'organization';
  // An acronym of three or more capitals (KCTU, METI) is an organisation far more often than a person.
  if (/^[A-Z]{3,}$/.test(n)) return 'organization';
  return 'person';
}

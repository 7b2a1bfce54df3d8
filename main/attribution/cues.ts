// The words that mark something as said, by lemma. Speech verbs report words; belief and stance
// verbs report positions, which news attribution (and PolNeAR) counts as well.
import weights from './cue-weights.json';

const SPEECH = `say tell add warn urge stress deny claim argue insist note explain announce state write
suggest acknowledge admit assert predict promise vow accuse complain ask demand declare emphasize
emphasise confirm reveal tweet contend maintain observe recall reply respond testify allege agree
concede caution estimate indicate charge counter describe quip joke report pledge threaten boast
lament conclude continue recount remark mention shout yell scream whisper exclaim reiterate repeat
retort snap wonder question speculate propose recommend advise proclaim posit reason reckon
acknowledge affirm announce blast call criticize criticise slam praise dismiss reject decry
condemn disclose divulge inform notify order plead point predict rebut recommend remind request
stress signal hint imply insist muse opine tout applaud welcome thank apologize apologise
complain object protest dispute contest clarify elaborate underscore underline highlight
concur vow guarantee assure reassure swear insist counsel brief announce cite quote mock scoff
sneer chant echo recite lecture post`;

/**
 * How often each verb is a cue when it stands as a verb, measured on PolNeAR's train split by
 * tests/eval/attribution/derive-cues.ts (only lemmas and rates, none of the corpus's text): "say"
 * 0.87, "call" 0.54, "support" 0.25 … Verbs of speech the corpus rarely uses count as 0.6.
 */
const MEASURED: Readonly<Record<string, number>> = weights;

export const CUE_VERBS = new Set([...SPEECH.split(/\s+/).filter(Boolean), ...Object.keys(MEASURED)]);

/** How likely the verb is to mark something as said or held, in (0, 1]. */
export function cueWeight(lemma: string): number {
  return MEASURED[lemma] ?? (CUE_VERBS.has(lemma) ? 0.6 : 0);
}

/**
 * Cue verbs whose listeners stand before what was said and are not part of it ("told reporters the
 * cuts were unavoidable"). With "urge", "ask" or "warn" the one addressed belongs to what was said
 * ("urged lawmakers to reject the plan"), as PolNeAR codes it.
 */
export const ADDRESSEE_VERBS = new Set(['tell', 'remind', 'inform', 'assure', 'reassure', 'notify', 'brief', 'promise']);

/** Verbs that almost always report speech (a higher confidence than "believe" or "call"). */
export const STRONG_VERBS = new Set(['say', 'tell', 'add', 'warn', 'urge', 'stress', 'insist', 'claim', 'argue', 'deny', 'explain', 'note', 'state', 'declare', 'write', 'tweet', 'announce', 'reply', 'respond', 'ask', 'acknowledge', 'admit', 'assert', 'contend', 'testify', 'allege', 'confirm', 'continue', 'remark', 'reiterate', 'retort', 'vow', 'predict', 'emphasize', 'emphasise', 'complain', 'suggest', 'counter', 'concede', 'caution', 'recall', 'quip', 'joke', 'explain', 'observe']);

/** Adverbs and auxiliaries that may stand between a source and its cue ("has also said"). */
export const BETWEEN_SOURCE_AND_CUE = new Set(['has', 'have', 'had', 'also', 'later', 'then', 'once', 'previously', 'earlier', 'repeatedly', 'would', 'will', 'did', 'does', 'do', 'again', 'recently', 'publicly', 'privately', 'reportedly', 'further', 'flatly', 'firmly', 'simply', 'only', 'never', 'often', 'frequently', 'separately', 'similarly', 'likewise', 'may', 'might', 'could', 'should', 'can', 'had', 'been', 'is', 'was', 'were', 'are', 'being', 'not', "n't", 'herself', 'himself', 'themselves', 'itself', 'had', 'quickly', 'angrily', 'bluntly', 'openly', 'explicitly', 'clearly', 'strongly', 'loudly', 'quietly', 'calmly', 'immediately', 'subsequently', 'still', 'already', 'even', 'yet', 'now', 'today', 'yesterday', 'however', 'though', 'too', 'instead', 'therefore', 'nevertheless', 'first', 'last', 'finally']);

export function isCueLemma(lemma: string): boolean {
  return CUE_VERBS.has(lemma);
}

// How an annotation's words read wherever they are shown: a quote in quotation marks, a paraphrase
// plain and labelled "(paraphrased)", a note plain. The exports print them this way, so every
// screen does too: what the analyst sees is what the reader of the briefing gets.
import type { AnnotationKind } from './model';

export interface AnnotationWords {
  /** The words as they read: quotation marks around a quote, none around anything else. */
  text: string;
  /** Said after the words in parentheses, or null: "paraphrased" for a paraphrase. */
  label: string | null;
}

/** Quotation marks the analyst selected along with the words (or typed into a snapshot), so they are not doubled. */
const stripQuoteMarks = (text: string) => text.replace(/^["“„«]+\s*/, '').replace(/\s*["”»]+$/, '');

export function annotationWords(kind: AnnotationKind, words: string): AnnotationWords {
  const text = words.trim();
  if (kind === 'quote') return { text: `“${stripQuoteMarks(text)}”`, label: null };
  if (kind === 'paraphrase') return { text, label: 'paraphrased' };
  return { text, label: null };
}

/** The words as one line of plain text: `“…”`, `… (paraphrased)` or `…`. */
export function formatAnnotationWords(kind: AnnotationKind, words: string): string {
  const w = annotationWords(kind, words);
  return w.label ? `${w.text} (${w.label})` : w.text;
}

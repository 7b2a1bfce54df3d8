import { describe, expect, it } from 'vitest';
import { annotationWords, formatAnnotationWords } from '../../shared/annotation-words';

describe('annotation words', () => {
  it('quotes a quote, labels a paraphrase, leaves a note plain', () => {
    expect(annotationWords('quote', 'to resolve the problem')).toEqual({ text: '“to resolve the problem”', label: null });
    expect(annotationWords('paraphrase', 'the sell-off must be avoided')).toEqual({ text: 'the sell-off must be avoided', label: 'paraphrased' });
    expect(annotationWords('note', 'check the timetable')).toEqual({ text: 'check the timetable', label: null });
  });

  it('does not double quotation marks selected along with the words', () => {
    expect(formatAnnotationWords('quote', '"completely and finally."')).toBe('“completely and finally.”');
    expect(formatAnnotationWords('quote', '“unfair”')).toBe('“unfair”');
  });

  it('gives one plain line for the CLI and drag-and-drop', () => {
    expect(formatAnnotationWords('paraphrase', ' the sell-off must be avoided ')).toBe('the sell-off must be avoided (paraphrased)');
    expect(formatAnnotationWords('note', 'check')).toBe('check');
  });
});

// Markdown-style shortcuts while typing: "## " heading, "- " list, "1. " numbered list, "> " quote,
// "---" rule, **bold**, *italic*; typographic quotes (" and ' become “ ” ‘ ’); and punctuation
// typed right after an @-mention closes up to the name. Backspace right after any of them undoes it.
import { InputRule, inputRules, smartQuotes, textblockTypeInputRule, wrappingInputRule } from 'prosemirror-inputrules';
import type { MarkType } from 'prosemirror-model';
import { briefingSchema as s } from '../../../shared/schema/briefing';

function markRule(pattern: RegExp, type: MarkType): InputRule {
  return new InputRule(pattern, (state, match, start, end) => {
    const text = match[1]!;
    const tr = state.tr.replaceWith(start, end, s.text(text, [type.create()]));
    return tr.removeStoredMark(type);
  });
}

/**
 * A mention is inserted with a space after it, ready for the next word; punctuation typed next
 * ("'s", ",", ".") belongs against the name: "Moon Jae In’s", not "Moon Jae In ’s". Input rules see
 * a leaf node such as the mention as U+FFFC.
 */
const afterMention = new InputRule(/\ufffc ([’'.,;:!?)])$/, (state, match, start, end) => {
  // `start` is the mention itself (the U+FFFC), then comes the space.
  if (state.doc.nodeAt(start)?.type !== s.nodes.actor) return null;
  const ch = match[1] === "'" ? '’' : match[1]!;
  return state.tr.insertText(ch, start + 1, end);
});

export function briefingInputRules() {
  return inputRules({
    rules: [
      afterMention,
      ...smartQuotes,
      textblockTypeInputRule(/^(#{1,3})\s$/, s.nodes.heading!, (m) => ({ level: m[1]!.length })),
      wrappingInputRule(/^\s*([-+*])\s$/, s.nodes.bullet_list!),
      wrappingInputRule(/^(\d{1,9})\.\s$/, s.nodes.ordered_list!, (m) => ({ order: +m[1]! }), (m, node) => node.childCount + (node.attrs.order as number) === +m[1]!),
      wrappingInputRule(/^\s*>\s$/, s.nodes.blockquote!),
      new InputRule(/^---$/, (state, _m, start) => {
        const $start = state.doc.resolve(start);
        if ($start.parent.type !== s.nodes.paragraph || $start.parent.textContent !== '--') return null;
        return state.tr.replaceRangeWith($start.before(), $start.after(), s.nodes.horizontal_rule!.create()).scrollIntoView();
      }),
      markRule(/\*\*([^*\s](?:[^*]*[^*\s])?)\*\*$/, s.marks.strong!),
      markRule(/(?<![*\w])\*([^*\s](?:[^*]*[^*\s])?)\*$/, s.marks.em!),
      markRule(/(?<![_\w])_([^_\s](?:[^_]*[^_\s])?)_$/, s.marks.em!),
    ],
  });
}

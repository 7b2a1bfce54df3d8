// Markdown-style shortcuts while typing: "## " heading, "- " list, "1. " numbered list, "> " quote,
// "---" rule, **bold**, *italic*.
import { InputRule, inputRules, textblockTypeInputRule, wrappingInputRule } from 'prosemirror-inputrules';
import type { MarkType } from 'prosemirror-model';
import { briefingSchema as s } from '../../../shared/schema/briefing';

function markRule(pattern: RegExp, type: MarkType): InputRule {
  return new InputRule(pattern, (state, match, start, end) => {
    const text = match[1]!;
    const tr = state.tr.replaceWith(start, end, s.text(text, [type.create()]));
    return tr.removeStoredMark(type);
  });
}

export function briefingInputRules() {
  return inputRules({
    rules: [
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

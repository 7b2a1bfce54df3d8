// Keyboard shortcuts of the briefing editor, the conventions of word processors.
import { keymap } from 'prosemirror-keymap';
import { baseKeymap, chainCommands, exitCode, setBlockType, toggleMark, wrapIn } from 'prosemirror-commands';
import { undo, redo } from 'prosemirror-history';
import { splitListItem, sinkListItem, liftListItem, wrapInList } from 'prosemirror-schema-list';
import { goToNextCell } from 'prosemirror-tables';
import { undoInputRule } from 'prosemirror-inputrules';
import type { Command } from 'prosemirror-state';
import { briefingSchema as s } from '../../../shared/schema/briefing';

const insertHardBreak: Command = chainCommands(exitCode, (state, dispatch) => {
  dispatch?.(state.tr.replaceSelectionWith(s.nodes.hard_break!.create()).scrollIntoView());
  return true;
});

export function briefingKeymaps() {
  const keys: Record<string, Command> = {
    'Mod-z': undo,
    'Mod-Shift-z': redo,
    'Mod-y': redo,
    'Mod-b': toggleMark(s.marks.strong!),
    'Mod-i': toggleMark(s.marks.em!),
    'Mod-u': toggleMark(s.marks.underline!),
    'Mod-Shift-x': toggleMark(s.marks.strike!),
    'Mod-Shift-h': toggleMark(s.marks.highlight!),
    'Mod-Alt-0': setBlockType(s.nodes.paragraph!),
    'Mod-Alt-1': setBlockType(s.nodes.heading!, { level: 1 }),
    'Mod-Alt-2': setBlockType(s.nodes.heading!, { level: 2 }),
    'Mod-Alt-3': setBlockType(s.nodes.heading!, { level: 3 }),
    'Mod-Shift-8': wrapInList(s.nodes.bullet_list!),
    'Mod-Shift-7': wrapInList(s.nodes.ordered_list!),
    'Mod->': wrapIn(s.nodes.blockquote!),
    // Right after an input rule (a smart quote, "## " heading…), Backspace gives back what was typed.
    Backspace: undoInputRule,
    'Shift-Enter': insertHardBreak,
    Enter: splitListItem(s.nodes.list_item!),
    // Tab moves between table cells, otherwise nests list items.
    Tab: chainCommands(goToNextCell(1), sinkListItem(s.nodes.list_item!)),
    'Shift-Tab': chainCommands(goToNextCell(-1), liftListItem(s.nodes.list_item!)),
  };
  return [keymap(keys), keymap(baseKeymap)];
}

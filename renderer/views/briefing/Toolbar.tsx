// The formatting toolbar; it reflects the state at the cursor.
import type { Command } from 'prosemirror-state';
import { setBlockType, toggleMark, wrapIn, lift } from 'prosemirror-commands';
import { undo, redo } from 'prosemirror-history';
import { wrapInList, liftListItem, sinkListItem } from 'prosemirror-schema-list';
import { addColumnAfter, addRowAfter, deleteColumn, deleteRow, deleteTable } from 'prosemirror-tables';
import { briefingSchema as s } from '../../../shared/schema/briefing';
import type { ToolbarState } from '../../editor/briefing/toolbar-state';
import { insertTable } from '../../editor/briefing/commands';
import { modLabel } from '../../shortcuts';

interface Props {
  state: ToolbarState | null;
  run: (c: Command) => void;
  onLink: () => void;
  onQuote: () => void;
  onCite: () => void;
  onStanceTable: () => void;
}

const insertRule: Command = (state, dispatch) => {
  dispatch?.(state.tr.replaceSelectionWith(s.nodes.horizontal_rule!.create()).scrollIntoView());
  return true;
};

const BLOCKS: { id: string; label: string; command: Command }[] = [
  { id: 'paragraph', label: 'Text', command: setBlockType(s.nodes.paragraph!) },
  { id: 'h1', label: 'Heading 1', command: setBlockType(s.nodes.heading!, { level: 1 }) },
  { id: 'h2', label: 'Heading 2', command: setBlockType(s.nodes.heading!, { level: 2 }) },
  { id: 'h3', label: 'Heading 3', command: setBlockType(s.nodes.heading!, { level: 3 }) },
];

export function Toolbar({ state, run, onLink, onQuote, onCite, onStanceTable }: Props) {
  const mark = (name: string, label: string, title: string) => (
    <button type="button" class={state?.marks[name] ? 'on' : ''} aria-pressed={!!state?.marks[name]} title={title} data-testid={`tb-${name}`} onMouseDown={(e) => e.preventDefault()} onClick={() => run(toggleMark(s.marks[name]!))}>
      {label}
    </button>
  );
  const btn = (label: string, title: string, command: Command, on = false, testId?: string, enabled = true) => (
    <button type="button" class={on ? 'on' : ''} title={title} data-testid={testId} disabled={!enabled} onMouseDown={(e) => e.preventDefault()} onClick={() => run(command)}>
      {label}
    </button>
  );
  return (
    <div class="toolbar" role="toolbar" aria-label="Formatting">
      {btn('↶', `Undo (${modLabel}Z)`, undo, false, 'tb-undo', state?.canUndo ?? false)}
      {btn('↷', `Redo (${modLabel}Shift+Z)`, redo, false, 'tb-redo', state?.canRedo ?? false)}
      <span class="sep" />
      <select
        aria-label="Block type"
        value={BLOCKS.some((b) => b.id === state?.block) ? state!.block : ''}
        onChange={(e) => {
          const b = BLOCKS.find((x) => x.id === (e.currentTarget as HTMLSelectElement).value);
          if (b) run(b.command);
        }}
      >
        <option value="" disabled>
          —
        </option>
        {BLOCKS.map((b) => (
          <option key={b.id} value={b.id}>
            {b.label}
          </option>
        ))}
      </select>
      {mark('strong', 'B', `Bold (${modLabel}B)`)}
      {mark('em', 'I', `Italic (${modLabel}I)`)}
      {mark('underline', 'U', `Underline (${modLabel}U)`)}
      {mark('strike', 'S', `Strikethrough (${modLabel}Shift+X)`)}
      {mark('highlight', 'H', `Highlight (${modLabel}Shift+H)`)}
      <button type="button" class={state?.marks.link ? 'on' : ''} title="Link" onMouseDown={(e) => e.preventDefault()} onClick={onLink}>
        Link
      </button>
      <span class="sep" />
      {btn('• List', `Bulleted list (${modLabel}Shift+8)`, wrapInList(s.nodes.bullet_list!), state?.block === 'bullet_list')}
      {btn('1. List', `Numbered list (${modLabel}Shift+7)`, wrapInList(s.nodes.ordered_list!), state?.block === 'ordered_list')}
      {btn('⇤', 'Outdent (Shift+Tab)', liftListItem(s.nodes.list_item!))}
      {btn('⇥', 'Indent (Tab)', sinkListItem(s.nodes.list_item!))}
      {btn('❝', 'Block quote', state?.block === 'blockquote' ? lift : wrapIn(s.nodes.blockquote!), state?.block === 'blockquote')}
      {btn('―', 'Horizontal rule', insertRule)}
      {btn('Table', 'Insert a table', insertTable(3, 2), false, 'tb-table')}
      {state?.inTable && (
        <>
          {btn('+Row', 'Add a row below', addRowAfter)}
          {btn('+Col', 'Add a column to the right', addColumnAfter)}
          {btn('−Row', 'Delete the row', deleteRow)}
          {btn('−Col', 'Delete the column', deleteColumn)}
          {btn('×Table', 'Delete the table', deleteTable)}
        </>
      )}
      <span class="sep" />
      <button type="button" data-testid="quote-insert" title={`Insert a quote (${modLabel}Shift+Q)`} onMouseDown={(e) => e.preventDefault()} onClick={onQuote}>
        Quote…
      </button>
      <button type="button" data-testid="cite-insert" title="Cite an article" onMouseDown={(e) => e.preventDefault()} onClick={onCite}>
        Cite…
      </button>
      <button type="button" data-testid="stance-table-insert" title="Insert a live actors & positions table" onMouseDown={(e) => e.preventDefault()} onClick={onStanceTable}>
        Actors & positions…
      </button>
    </div>
  );
}

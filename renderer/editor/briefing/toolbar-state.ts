// What the toolbar shows as active: marks at the cursor, the block type, undo availability.
import type { EditorState } from 'prosemirror-state';
import { undoDepth, redoDepth } from 'prosemirror-history';
import { isInTable } from 'prosemirror-tables';

export interface ToolbarState {
  marks: Record<string, boolean>;
  block: string;
  inTable: boolean;
  canUndo: boolean;
  canRedo: boolean;
}

export function toolbarState(state: EditorState): ToolbarState {
  const { from, $from, to, empty } = state.selection;
  const marks: Record<string, boolean> = {};
  for (const name of Object.keys(state.schema.marks)) {
    const type = state.schema.marks[name]!;
    marks[name] = empty ? !!type.isInSet(state.storedMarks ?? $from.marks()) : state.doc.rangeHasMark(from, to, type);
  }
  const parent = $from.parent;
  let block = parent.type.name === 'heading' ? `h${parent.attrs.level as number}` : parent.type.name;
  for (let d = $from.depth; d > 0; d--) {
    const n = $from.node(d).type.name;
    if (n === 'bullet_list' || n === 'ordered_list' || n === 'blockquote') {
      block = n;
      break;
    }
  }
  return { marks, block, inTable: isInTable(state), canUndo: undoDepth(state) > 0, canRedo: redoDepth(state) > 0 };
}

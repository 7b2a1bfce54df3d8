// The peer for the keystroke benchmark, bundled into the page by esbuild: a bare prosemirror-view
// with the basic schema, the smallest editor that still is ProseMirror.
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { Node } from 'prosemirror-model';
import { schema } from 'prosemirror-schema-basic';
import { history, undo, redo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap } from 'prosemirror-commands';

const w = window as unknown as { __doc: unknown; __view: EditorView };
w.__view = new EditorView(document.getElementById('editor')!, {
  state: EditorState.create({ doc: Node.fromJSON(schema, w.__doc), plugins: [history(), keymap({ 'Mod-z': undo, 'Mod-Shift-z': redo }), keymap(baseKeymap)] }),
});

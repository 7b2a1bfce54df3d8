// The top-level block the cursor is in, marked (`at-cursor`) so it is always laid out and painted:
// the editor's blocks skip rendering while off screen (content-visibility, for long briefings), and
// a block just made by Enter is not yet known to be on screen when the next key arrives; Chromium
// under load then put the caret at the block's start, and a fast typist's "@Moon" became "Moon@".
import { Plugin } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';

export function cursorBlock(): Plugin {
  return new Plugin({
    props: {
      decorations(state) {
        const $head = state.selection.$head;
        if ($head.depth < 1) return null;
        return DecorationSet.create(state.doc, [Decoration.node($head.before(1), $head.after(1), { class: 'at-cursor' })]);
      },
    },
  });
}

// "@" followed by letters opens the actor typeahead; the host draws the list and picks.
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';

export interface MentionQuery {
  from: number;
  to: number;
  query: string;
  /** Viewport position under the "@", for the popup. */
  left: number;
  top: number;
}

export interface MentionHost {
  onMention(q: MentionQuery | null): void;
  /** Arrow keys, Enter, Tab and Escape while the list is open; true when handled. */
  onMentionKey(key: string): boolean;
}

export const mentionKey = new PluginKey('mentions');

export function findMention(state: EditorState): { from: number; to: number; query: string } | null {
  const { $from, empty } = state.selection;
  if (!empty || !$from.parent.inlineContent) return null;
  const before = $from.parent.textBetween(Math.max(0, $from.parentOffset - 40), $from.parentOffset, undefined, '\ufffc');
  const m = /(?:^|[\s(“"])@([\p{L}\p{N}][\p{L}\p{N} .'-]{0,30})?$/u.exec(before);
  if (!m) return null;
  const query = m[1] ?? '';
  return { from: $from.pos - query.length - 1, to: $from.pos, query };
}

export function mentions(host: MentionHost) {
  let open = false;
  return new Plugin({
    key: mentionKey,
    props: {
      handleKeyDown(_view, event) {
        if (!open || !['ArrowUp', 'ArrowDown', 'Enter', 'Tab', 'Escape'].includes(event.key)) return false;
        return host.onMentionKey(event.key);
      },
    },
    view: () => ({
      update(view) {
        const found = view.hasFocus() ? findMention(view.state) : null;
        if (!found) {
          if (open) host.onMention(null);
          open = false;
          return;
        }
        const coords = view.coordsAtPos(found.from);
        open = true;
        host.onMention({ ...found, left: coords.left, top: coords.bottom + 4 });
      },
      destroy() {
        if (open) host.onMention(null);
      },
    }),
  });
}

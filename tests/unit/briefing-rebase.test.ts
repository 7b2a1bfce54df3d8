// How an editor of a briefing open with the team takes the room's answers (renderer/editor/briefing/
// rebase.ts), on real ProseMirror states with the editor's history and collab plugins: the team's
// change lands under what was typed while the answer was on its way, nothing typed is lost, and
// undo takes back the analyst's own steps only, one group at a time.
import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection } from 'prosemirror-state';
import { collab, sendableSteps } from 'prosemirror-collab';
import { history, undo } from 'prosemirror-history';
import type { Node } from 'prosemirror-model';
import { briefingSchema as s } from '../../shared/schema/briefing';
import { mergedTransaction, stepsBetween, unconfirmedMapping, type Sent } from '../../renderer/editor/briefing/rebase';

const doc = (...lines: string[]) => s.node('doc', null, lines.map((l) => s.node('paragraph', null, l ? [s.text(l)] : [])));
const texts = (d: Node) => d.children.map((p) => p.textContent);
const start = (d: Node) => EditorState.create({ doc: d, plugins: [history(), collab()] });
/** Types `text` at `pos`, `time` ms into the session (history groups by time). */
const type = (state: EditorState, pos: number, text: string, time: number) => state.apply(state.tr.insertText(text, pos).setTime(time));
const sent = (state: EditorState): Sent => {
  const sendable = sendableSteps(state);
  return { doc: state.doc, steps: sendable?.steps ?? [], clientID: sendable?.clientID ?? 0 };
};
const undone = (state: EditorState) => {
  let next = state;
  undo(state, (tr) => (next = state.apply(tr)));
  return next;
};

describe('an editor taking the room’s merged doc', () => {
  it('finds the steps between two docs, whatever changed', () => {
    const cases: [Node, Node][] = [
      [doc('Seoul holds firm.'), doc('Seoul holds firm, for now.')],
      [doc('aa'), doc('aaa')],
      [doc('One', 'Two', 'Three'), doc('One', 'Three')],
      [doc('One'), doc('One', '', 'Two')],
      [doc('Text'), s.node('doc', null, [s.node('heading', { level: 2 }, [s.text('Text')])])],
      [doc('Same'), doc('Same')],
    ];
    for (const [from, to] of cases) {
      let d = from;
      for (const step of stepsBetween(from, to)) d = step.apply(d).doc!;
      expect(d.eq(to)).toBe(true);
    }
    expect(stepsBetween(doc('Same'), doc('Same'))).toEqual([]);
  });

  it('confirms what was sent, puts the team’s change under what was typed since, and maps the team’s cursors onto it', () => {
    let state = start(doc('Seoul holds firm.'));
    state = type(state, 18, ' Talks resume.', 1_000);
    const out = sent(state);
    // While the answer is on its way, more is typed.
    state = type(state, 32, ' Friday.', 1_100);
    // The room answers with the team's words at the front.
    const merged = doc('Monday: Seoul holds firm. Talks resume.');
    state = state.apply(mergedTransaction(state, out, merged));
    expect(texts(state.doc)).toEqual(['Monday: Seoul holds firm. Talks resume. Friday.']);
    // Only the words typed after the send wait to be sent.
    expect(sendableSteps(state)?.steps).toHaveLength(1);
    // The room's cursors, placed in its doc, land in the editor's: one at "Monday:" stays there; one
    // at the end, where the words the room has not seen yet were typed, moves past them.
    const mapping = unconfirmedMapping(sendableSteps(state)?.steps);
    expect(mapping.map(8)).toBe(8);
    expect(state.doc.textBetween(1, mapping.map(8))).toBe('Monday:');
    expect(mapping.map(merged.content.size - 1)).toBe(state.doc.content.size - 1);
  });

  it('a new session (the room no longer knew the old one) takes the room’s doc under what was typed and not yet sent', () => {
    const confirmed = doc('Seoul holds firm.');
    let state = start(confirmed);
    state = type(state, 18, ' Talks resume.', 1_000);
    // The room answers a new session with the team's doc; nothing of the editor's is confirmed by it.
    state = state.apply(mergedTransaction(state, { doc: confirmed, steps: [], clientID: 0 }, doc('Monday: Seoul holds firm.')));
    expect(texts(state.doc)).toEqual(['Monday: Seoul holds firm. Talks resume.']);
    // The typing still waits to be sent, now over the new session's doc.
    expect(sendableSteps(state)?.steps).toHaveLength(1);
  });

  it('undo takes back the analyst’s own typing, a group at a time, and leaves the team’s', () => {
    let state = start(doc('Seoul holds firm.'));
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 18)));
    state = type(state, 18, ' Talks resume Friday.', 1_000);
    let out = sent(state);
    state = state.apply(mergedTransaction(state, out, doc('Seoul holds firm. Talks resume Friday.')));
    // The team types at the front; the analyst types again, seconds later.
    out = sent(state);
    state = state.apply(mergedTransaction(state, out, doc('Monday: Seoul holds firm. Talks resume Friday.')));
    state = type(state, state.doc.content.size - 1, ' In Geneva.', 5_000);
    out = sent(state);
    state = state.apply(mergedTransaction(state, out, doc('Monday: Seoul holds firm. Talks resume Friday. In Geneva.')));
    state = undone(state);
    expect(texts(state.doc)).toEqual(['Monday: Seoul holds firm. Talks resume Friday.']);
    state = undone(state);
    expect(texts(state.doc)).toEqual(['Monday: Seoul holds firm.']);
  });
});

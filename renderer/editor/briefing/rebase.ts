// How the editor of a briefing open with the team (main/sync/briefing-room.ts) takes the merged doc
// the room answers with: the doc it sent, confirmed, then the team's changes as steps from it, with
// whatever was typed while the answer was on its way rebased onto them (prosemirror-collab), so
// nothing typed is lost and the undo history keeps only the analyst's own steps.
import { receiveTransaction } from 'prosemirror-collab';
import type { Node } from 'prosemirror-model';
import type { EditorState, Transaction } from 'prosemirror-state';
import { Mapping, Transform, type Step } from 'prosemirror-transform';

/** What the editor sent: its doc then, and the steps of its own that doc held unconfirmed. */
export interface Sent {
  doc: Node;
  steps: readonly Step[];
  clientID: string | number;
}

/** The steps that make `from` into `to`: one replace of the range that differs, or, when that cannot be made, the whole. */
export function stepsBetween(from: Node, to: Node): Step[] {
  const start = from.content.findDiffStart(to.content);
  if (start == null) return [];
  let { a: endA, b: endB } = from.content.findDiffEnd(to.content)!;
  // The same characters at both ends of the change can be counted twice ("aa" to "aaa").
  const overlap = start - Math.min(endA, endB);
  if (overlap > 0) {
    endA += overlap;
    endB += overlap;
  }
  let tr = new Transform(from);
  try {
    tr.replace(start, endA, to.slice(start, endB));
  } catch {
    // A slice that does not fit where it goes is replaced with the whole below.
  }
  if (!tr.doc.eq(to)) {
    tr = new Transform(from);
    tr.replaceWith(0, from.content.size, to.content);
  }
  return tr.steps;
}

/** The transaction that takes the room's answer: `sent` confirmed, and the doc made `merged` under what was typed since. */
export function mergedTransaction(state: EditorState, sent: Sent, merged: Node): Transaction {
  const team = stepsBetween(sent.doc, merged);
  return receiveTransaction(state, [...sent.steps, ...team], [...sent.steps.map(() => sent.clientID), ...team.map(() => 'team')], { mapSelectionBackward: true });
}

/** Maps positions in the confirmed doc (where the room's cursors are) to the editor's doc, through what it has not sent yet. */
export function unconfirmedMapping(unconfirmed: readonly Step[] | undefined): Mapping {
  return new Mapping((unconfirmed ?? []).map((step) => step.getMap()));
}

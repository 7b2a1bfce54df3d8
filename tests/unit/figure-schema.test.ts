// A figure node checks what it stores: a pasted or hand-edited briefing cannot smuggle markup or
// impossible values into a frozen picture, and a figure is added at the briefing's end, selected.
import { describe, expect, it } from 'vitest';
import { EditorState, NodeSelection } from 'prosemirror-state';
import { Node } from 'prosemirror-model';
import { briefingSchema as s, briefingText } from '../../shared/schema/briefing';
import { appendFigure, freezeFigure, setFigureCaption } from '../../renderer/editor/briefing/commands';
import type { FigureAttrs, FrozenFigure } from '../../shared/landscape/figure';

const frozen = (): FrozenFigure => ({
  scene: {
    width: 960,
    height: 600,
    nodes: [{ mode: 'actor', label: 'Kim Jung Han', actorKind: 'person', organization: null, quotes: 2, x: 100, y: 120, r: 9, labelSide: 'right', labelled: true }],
    edges: [{ style: 'conflict', path: 'M100 120Q200 150 400 300', width: 2 }],
  },
  source: '2 quotes from 1 article',
});

const timeline = (stance: string) => ({
  timeline: { width: 970, height: 60, plot: { left: 190, width: 760, top: 28 }, ticks: [{ x: 190, label: '2024-01-01' }], rows: [{ y: 40, label: 'Kim Jung Han' }], marks: [{ x: 190, y: 40, stance }] },
  source: '1 quote from 1 article, 2024-01-01',
});

const figureJson = (attrs: Record<string, unknown>) => ({ type: 'doc', content: [{ type: 'figure', attrs: { query: { type: 'congruence' }, colouring: 'kind', caption: 'c', frozen: null, ...attrs } }] });
const load = (json: unknown) => Node.fromJSON(s, json);

describe('the figure node', () => {
  it('loads a live and a frozen figure, and reads as its caption in the plain text', () => {
    const doc = load(figureJson({ frozen: frozen(), caption: 'Who agrees with whom' }));
    expect(doc.firstChild!.attrs.frozen).toEqual(frozen());
    expect(briefingText(doc)).toBe('Figure: Who agrees with whom');
  });

  it('loads a frozen timeline', () => {
    const doc = load(figureJson({ query: { type: 'timeline', from: '2024-01-01' }, frozen: timeline('opposes') }));
    doc.check();
    expect(doc.firstChild!.attrs.frozen).toEqual(timeline('opposes'));
  });

  it.each([
    ['a timeline mark of no stance', { query: { type: 'timeline' }, frozen: timeline('maybe') }, /A frozen figure/],
    ['a timeline query with a network’s weights', { query: { type: 'timeline', minWeight: 2 } }, /A figure’s picture/],
    ['a query of a network that does not exist', { query: { type: 'everyone' } }, /A figure’s picture is not one Verbatim can draw/],
    ['a query with a key of its own', { query: { type: 'conflict', script: 'x' } }, /A figure’s picture/],
    ['a colouring that does not exist', { colouring: 'rainbow' }, /A figure’s colouring/],
    ['a tie that is markup, not a path', { frozen: { ...frozen(), scene: { ...frozen().scene!, edges: [{ style: 'supports', path: 'M0 0"/><script>', width: 1 }] } } }, /A frozen figure .*edges/],
    ['a node with an attribute of its own', { frozen: { ...frozen(), scene: { ...frozen().scene!, nodes: [{ ...frozen().scene!.nodes[0], onload: 'alert(1)' }] } } }, /A frozen figure .*nodes/],
    ['a coordinate JSON cannot hold', { frozen: { ...frozen(), scene: { ...frozen().scene!, nodes: [{ ...frozen().scene!.nodes[0], x: null }] } } }, /A frozen figure/],
  ])('refuses %s', (_what, attrs, message) => {
    expect(() => load(figureJson(attrs)).check()).toThrow(message);
  });

  it('is appended at the end of the briefing in place of an empty last paragraph, selected, with a paragraph after it', () => {
    const doc = s.node('doc', null, [s.node('paragraph', null, s.text('Intro.')), s.node('paragraph')]);
    let state = EditorState.create({ doc });
    const attrs: FigureAttrs = { query: { type: 'actor-position', topicId: 3 }, colouring: 'kind', caption: 'Actors and the positions they take', frozen: null };
    appendFigure(attrs)(state, (tr) => (state = state.apply(tr)));
    expect(state.doc.content.content.map((n) => n.type.name)).toEqual(['paragraph', 'figure', 'paragraph']);
    expect(state.selection).toBeInstanceOf(NodeSelection);
    const at = state.selection.from;
    expect(state.doc.nodeAt(at)!.attrs).toEqual({ ...attrs, topicUid: null });

    setFigureCaption(at, 'Where the actors stand')(state, (tr) => (state = state.apply(tr)));
    freezeFigure(at, frozen())(state, (tr) => (state = state.apply(tr)));
    expect(state.doc.nodeAt(at)!.attrs).toMatchObject({ caption: 'Where the actors stand', frozen: frozen() });
    // Neither command touches anything but a figure.
    expect(freezeFigure(0, frozen())(state)).toBe(false);
  });
});

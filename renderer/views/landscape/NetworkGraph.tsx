// A landscape scene drawn as SVG (the print path draws the same scene): ties under nodes under
// labels; the wheel zooms about the pointer, dragging the background pans (a CSS transform of the
// whole drawing). Every node and tie is a
// button (click, Enter or Space) that lists the quotes behind it.
import { memo } from 'preact/compat';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Scene, SceneEdge, SceneNode } from '../../../shared/landscape/scene';
import { MAX_LABEL_CHARS, TIE_DASH } from '../../../shared/landscape/scene';
import type { NodeColour } from '../../../shared/landscape/colours';

export type Picked = { node: SceneNode } | { edge: SceneEdge };

interface Props {
  scene: Scene;
  picked: string | null;
  onPick: (p: Picked) => void;
  /** The name of a node by its key, for the ties' labels. */
  label: (key: string) => string;
  /** An actor node's colour (shared/landscape/colours.ts), a class of the node. */
  colour: (node: SceneNode) => NodeColour;
}

interface View {
  k: number;
  x: number;
  y: number;
}

const HOME: View = { k: 1, x: 0, y: 0 };
const short = (s: string) => (s.length > MAX_LABEL_CHARS ? `${s.slice(0, MAX_LABEL_CHARS - 1)}…` : s);

/** Enter and Space press a focusable SVG shape, as they would a button. */
const pressable = (run: () => void) => ({
  tabindex: 0,
  role: 'button' as const,
  onClick: run,
  onKeyDown: (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      run();
    }
  },
});

export function NetworkGraph({ scene, picked, onPick, label, colour }: Props) {
  const frameRef = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<View>(HOME);
  // While the picture moves it is one composited layer (will-change), moved by the compositor
  // instead of redrawn frame by frame; it is drawn sharp again once it rests.
  const [moving, setMoving] = useState(false);
  const rest = useRef<number | undefined>(undefined);
  const drag = useRef<{ x: number; y: number; from: View } | null>(null);
  useEffect(() => setView(HOME), [scene]);
  const move = (next: View | ((v: View) => View)) => {
    setView(next);
    setMoving(true);
    clearTimeout(rest.current);
    rest.current = window.setTimeout(() => setMoving(false), 250);
  };
  useEffect(() => () => clearTimeout(rest.current), []);

  // The wheel must be a non-passive listener to keep the page from scrolling while zooming.
  useEffect(() => {
    const frame = frameRef.current;
    if (!frame) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const box = frame.getBoundingClientRect();
      const px = e.clientX - box.left;
      const py = e.clientY - box.top;
      move((v) => {
        const k = Math.min(8, Math.max(0.25, v.k * Math.exp(-e.deltaY * 0.0015)));
        // The point under the pointer stays under it.
        return { k, x: px - ((px - v.x) * k) / v.k, y: py - ((py - v.y) * k) / v.k };
      });
    };
    frame.addEventListener('wheel', onWheel, { passive: false });
    return () => frame.removeEventListener('wheel', onWheel);
  }, []);

  const onPointerDown = (e: PointerEvent) => {
    const t = e.target as Element;
    if (t !== frameRef.current && !t.classList.contains('landscape-backdrop') && !t.classList.contains('landscape-graph')) return;
    drag.current = { x: e.clientX, y: e.clientY, from: view };
    (e.currentTarget as Element).setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent) => {
    const d = drag.current;
    if (d) move({ ...d.from, x: d.from.x + e.clientX - d.x, y: d.from.y + e.clientY - d.y });
  };
  const endDrag = () => (drag.current = null);

  return (
    <div class="landscape-canvas" ref={frameRef} onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={endDrag} onPointerCancel={endDrag}>
      <svg
        class={`landscape-graph${moving ? ' moving' : ''}`}
        data-testid="landscape-graph"
        viewBox={`0 0 ${scene.width} ${scene.height}`}
        role="group"
        aria-label="Network: actors and their ties"
        style={{ transform: `translate(${view.x}px, ${view.y}px) scale(${view.k})` }}
      >
        <rect class="landscape-backdrop" width={scene.width} height={scene.height} />
        <Shapes scene={scene} picked={picked} onPick={onPick} label={label} colour={colour} />
      </svg>
      {(view.k !== 1 || view.x !== 0 || view.y !== 0) && (
        <button class="landscape-home" data-testid="landscape-reset-view" onClick={() => setView(HOME)}>
          Fit to window
        </button>
      )}
    </div>
  );
}

/**
 * The ties, nodes and labels: memoised, so panning and zooming (which change only the transform
 * around them) do not diff a thousand shapes on every pointer move.
 */
const Shapes = memo(function Shapes({ scene, picked, onPick, label, colour }: Props) {
  return (
    <>
      <g class="landscape-edges">
        {scene.edges.map((e) => (
          <g
            key={e.key}
            class={`landscape-edge tie-${e.style}${picked === e.key ? ' picked' : ''}`}
            data-testid="landscape-edge"
            data-source={label(e.source)}
            data-target={label(e.target)}
            data-style={e.style}
            data-weight={e.weight}
            aria-label={`${label(e.source)} – ${label(e.target)}: ${e.style}, weight ${formatWeight(e.weight)}`}
            {...pressable(() => onPick({ edge: e }))}
          >
            <title>{`${label(e.source)} – ${label(e.target)}\n${e.style}, weight ${formatWeight(e.weight)}, ${e.quoteIds.length} quote${e.quoteIds.length === 1 ? '' : 's'}`}</title>
            <path class="hit" d={e.path} vector-effect="non-scaling-stroke" />
            <path class="tie" d={e.path} stroke-width={e.width} stroke-dasharray={TIE_DASH[e.style] ?? undefined} vector-effect="non-scaling-stroke" />
          </g>
        ))}
      </g>
      <g class="landscape-nodes">
        {scene.nodes.map((n) => (
          <g
            key={n.key}
            class={`landscape-node ${n.mode === 'actor' ? colour(n) : 'position'}${picked === n.key ? ' picked' : ''}`}
            data-testid="landscape-node"
            data-label={n.label}
            data-mode={n.mode}
            data-quotes={n.quotes}
            aria-label={`${n.label}: ${n.quotes} quote${n.quotes === 1 ? '' : 's'}`}
            {...pressable(() => onPick({ node: n }))}
          >
            <title>{`${n.label}${n.topic ? ` (${n.topic})` : ''}\n${n.quotes} quote${n.quotes === 1 ? '' : 's'}`}</title>
            {n.mode === 'actor' ? <circle cx={n.x} cy={n.y} r={n.r} /> : <rect x={n.x - n.r * 0.8} y={n.y - n.r * 0.8} width={n.r * 1.6} height={n.r * 1.6} rx={2} />}
          </g>
        ))}
      </g>
      <g class="landscape-labels" aria-hidden="true">
        {scene.nodes
          .filter((n) => n.labelled || picked === n.key)
          .map((n) => (
          <text
            key={n.key}
            class={n.mode === 'actor' ? 'actor-label' : 'position-label'}
            x={n.labelSide === 'right' ? n.x + n.r + 4 : n.x - n.r - 4}
            y={n.y + 4}
            text-anchor={n.labelSide === 'right' ? 'start' : 'end'}
          >
            {short(n.label)}
          </text>
        ))}
      </g>
    </>
  );
});

export const formatWeight = (w: number) => (Number.isInteger(w) ? String(w) : w.toFixed(2));

// Where a network's nodes stand, computed in a worker (layout-worker.ts); on the page's own thread
// when a worker cannot be had (it failed to start once: the layout is the same either way, since
// it is seeded by the network, not by the run).
import { useEffect, useState } from 'preact/hooks';
import { layoutNetwork, type Point } from '../../../shared/landscape/layout';
import type { Network } from '../../../shared/landscape/network';

let worker: Worker | null | undefined;
let requests = 0;

function layoutWorker(): Worker | null {
  if (worker === undefined) {
    try {
      worker = new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module' });
    } catch {
      worker = null;
    }
  }
  return worker;
}

/** The positions of `network`'s nodes, or null while they are being worked out. */
export function useLayout(network: Network | null): Map<string, Point> | null {
  const [laid, setLaid] = useState<{ network: Network; positions: Map<string, Point> } | null>(null);
  useEffect(() => {
    if (!network) return;
    const w = layoutWorker();
    if (!w) {
      setLaid({ network, positions: layoutNetwork(network) });
      return;
    }
    const seq = ++requests;
    const onMessage = (e: MessageEvent<{ seq: number; positions: [string, Point][] }>) => {
      if (e.data.seq === seq) setLaid({ network, positions: new Map(e.data.positions) });
    };
    const onError = (e: Event) => {
      e.preventDefault();
      worker?.terminate();
      worker = null;
      setLaid({ network, positions: layoutNetwork(network) });
    };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    w.postMessage({ seq, network });
    return () => {
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
    };
  }, [network]);
  return laid && laid.network === network ? laid.positions : null;
}

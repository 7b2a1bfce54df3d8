// Where a network's nodes stand, computed in a worker (layout-worker.ts); on the page's own thread
// when a worker cannot be had (it failed to start once: the layout is the same either way, since
// it is seeded by the network, not by the run). The landscape view and a briefing's figures share it.
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

/** The positions of `network`'s nodes, worked out off the page's thread when it can be. */
export function layOut(network: Network): Promise<Map<string, Point>> {
  const w = layoutWorker();
  if (!w) return Promise.resolve(layoutNetwork(network));
  return new Promise((resolve) => {
    const seq = ++requests;
    const done = () => {
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
    };
    const onMessage = (e: MessageEvent<{ seq: number; positions: [string, Point][] }>) => {
      if (e.data.seq !== seq) return;
      done();
      resolve(new Map(e.data.positions));
    };
    const onError = (e: Event) => {
      e.preventDefault();
      done();
      worker?.terminate();
      worker = null;
      resolve(layoutNetwork(network));
    };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    w.postMessage({ seq, network });
  });
}

/** The positions of `network`'s nodes, or null while they are being worked out. */
export function useLayout(network: Network | null): Map<string, Point> | null {
  const [laid, setLaid] = useState<{ network: Network; positions: Map<string, Point> } | null>(null);
  useEffect(() => {
    if (!network) return;
    let current = true;
    void layOut(network).then((positions) => current && setLaid({ network, positions }));
    return () => {
      current = false;
    };
  }, [network]);
  return laid && laid.network === network ? laid.positions : null;
}

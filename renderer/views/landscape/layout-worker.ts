// The landscape's layout off the page's thread: ForceAtlas2 on a thousand nodes takes a good part
// of a second, during which the filters and the rest of the window would not answer.
import { layoutNetwork } from '../../../shared/landscape/layout';
import type { Network } from '../../../shared/landscape/network';

const scope = self as unknown as { onmessage: ((e: MessageEvent<{ seq: number; network: Network }>) => void) | null; postMessage: (m: unknown) => void };

scope.onmessage = (e) => {
  scope.postMessage({ seq: e.data.seq, positions: [...layoutNetwork(e.data.network)] });
};

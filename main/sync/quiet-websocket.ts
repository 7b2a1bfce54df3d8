// The WebSocket the team's connections use under Node (the `ws` package). Hocuspocus's provider
// listens only for `close`, and `ws` also emits `error`, which nothing hears: a connection closed
// while it was still being made (an editor closed at once, a link closed while the server is away)
// would end the process. The close says all there is to say; the error is let go.
import WebSocket from 'ws';

export class QuietWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    this.on('error', () => {});
  }
}

/** As Hocuspocus's provider takes it. */
export const webSocketPolyfill = QuietWebSocket as unknown as typeof globalThis.WebSocket;

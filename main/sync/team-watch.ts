// A connection kept open on the team's codebook and library index, only to hear that the team
// changed something: each change from elsewhere calls `changed`, and the link runs a round, which
// takes the change into the library the one way every change goes in (team-sync.ts). The watch
// writes nothing and keeps its copies in memory; they start empty, so the first answer is the whole
// of both documents, once per connection, and starts a round of its own.
import * as Y from 'yjs';
import { webSocketPolyfill } from './quiet-websocket';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { connectionUrl } from './team-sync';

const WATCHED = ['codebook', 'library'] as const;

export class TeamWatch {
  private readonly socket: HocuspocusProviderWebsocket;
  private readonly providers: HocuspocusProvider[] = [];

  constructor(
    readonly url: string,
    token: string,
    changed: () => void,
  ) {
    // Reconnects by itself (the provider's backoff) while the link holds it open.
    this.socket = new HocuspocusProviderWebsocket({ url: connectionUrl(url), WebSocketPolyfill: webSocketPolyfill });
    for (const name of WATCHED) {
      const doc = new Y.Doc();
      let synced = false;
      // The first answer is the document as it stands, not a change; but what changed between the
      // last round and the watch being up (or back) would go unheard, so being synced starts a round.
      doc.on('update', () => synced && changed());
      const provider = new HocuspocusProvider({
        websocketProvider: this.socket,
        name,
        document: doc,
        token,
        onSynced: () => {
          synced = true;
          changed();
        },
      });
      provider.attach();
      this.providers.push(provider);
    }
  }

  close(): void {
    for (const p of this.providers) {
      p.document.destroy();
      p.destroy();
    }
    this.socket.destroy();
  }
}

// The team server: Hocuspocus carries the team's Yjs documents between members' laptops and keeps
// them in PostgreSQL; a member connects with the token `add-member` printed, and a read-only
// member's changes are refused by Hocuspocus itself. It holds no Verbatim logic of its own: every
// laptop applies the same rules to what it receives.
import { Server } from '@hocuspocus/server';
import { Database } from '@hocuspocus/extension-database';
import type { Pool } from 'pg';
import { DocumentStore, isDocumentName } from './documents';
import { MemberStore } from './members';
import { BRIEFING_SCHEMA_VERSION } from '../../shared/schema/briefing';
import { MEMBER_QUESTION } from '../../shared/team';

/** The largest message a client may send: a document far over any sane size is refused whole. */
export const MAX_MESSAGE_BYTES = 32 * 1024 * 1024;

export interface TeamServerOptions {
  pool: Pool;
  port?: number;
  host?: string;
  /** Told of each refused connection (a wrong or revoked token, an unknown document). */
  onRefused?: (why: string) => void;
  /** Told when PostgreSQL refuses to store the documents, and when it takes them again. */
  onStoreProblem?: (message: string) => void;
  /** How long a refused store waits before it is tried again (tests shorten it). */
  storeRetryMs?: number;
}

export interface TeamServer {
  port: number;
  close(): Promise<void>;
}

export async function startTeamServer(options: TeamServerOptions): Promise<TeamServer> {
  const members = new MemberStore(options.pool);
  const documents = new DocumentStore(options.pool, options.onStoreProblem ?? ((m) => process.stderr.write(`verbatim team-server: ${m}\n`)), options.storeRetryMs);
  await members.ensureSchema();
  await documents.ensureSchema();
  const refuse = (why: string): never => {
    options.onRefused?.(why);
    throw new Error(why);
  };
  const server = new Server({
    port: options.port ?? 0,
    address: options.host ?? '127.0.0.1',
    quiet: true,
    stopOnSignals: false,
    websocketOptions: { maxPayload: MAX_MESSAGE_BYTES },
    // Hocuspocus acknowledges an update when it has it in memory and stores the document a moment
    // later; a short moment keeps the window small in which a killed server loses what it
    // acknowledged (laptops send the documents of their last round again: main/sync/team-sync.ts).
    debounce: 200,
    maxDebounce: 1_000,
    async onAuthenticate({ token, documentName, connectionConfig, requestParameters }) {
      if (!isDocumentName(documentName)) refuse(`“${documentName.slice(0, 80)}” is not a document of a team library.`);
      const given = requestParameters.get('schema');
      const schema = given === null ? Number.NaN : Number(given);
      if (!(schema >= BRIEFING_SCHEMA_VERSION)) {
        // Told to the client in these words (Hocuspocus passes an error's `reason` on): an older
        // build would drop the briefing content it has no node type for.
        const why = `this copy of Verbatim is older than the team’s server (briefing schema ${Number.isFinite(schema) ? schema : 'unknown'}, the server’s ${BRIEFING_SCHEMA_VERSION}); update Verbatim to sync. The library is unchanged and works offline.`;
        options.onRefused?.(`A client from an older version was refused: ${why}`);
        throw Object.assign(new Error(why), { reason: why });
      }
      const check = await members.check(token ?? '');
      if (!check.ok) return refuse(check.reason === 'revoked' ? 'This member’s access was revoked.' : 'The token is not one of this team’s.');
      connectionConfig.readOnly = check.member.readOnly;
      return { member: check.member.name };
    },
    // A library asks which member it is, to name its coding (main/sync/team-sync.ts).
    async onStateless({ connection, payload }) {
      if (payload === MEMBER_QUESTION) connection.sendStateless(JSON.stringify({ member: (connection.context as { member?: string }).member ?? null }));
    },
    extensions: [new Database({ fetch: ({ documentName }) => documents.fetch(documentName), store: ({ documentName, state }) => documents.store(documentName, state) })],
  });
  await server.listen();
  return {
    port: server.address.port,
    close: async () => {
      documents.close();
      await server.destroy();
    },
  };
}

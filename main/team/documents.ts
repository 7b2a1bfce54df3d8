// Where the team's Yjs documents live between connections: one row per document in PostgreSQL,
// its whole state as one Yjs update (Hocuspocus merges the updates in memory and stores the
// document a moment after the last change). The documents a team library holds are named here, and
// nothing else is accepted: a client cannot make the server keep arbitrary data.
import type { Pool } from 'pg';

/** The codebook, the library's index, and one document per article and per briefing, by uid. */
const DOCUMENT_NAME = /^(codebook|library|article:[0-9a-f]{64}(\.[0-9a-f-]{36})?|briefing:[0-9a-f-]{36})$/;

export const isDocumentName = (name: string): boolean => DOCUMENT_NAME.test(name);

/** How long a store PostgreSQL refused waits before it is tried again. */
export const STORE_RETRY_MS = 2_000;

export class DocumentStore {
  /** The newest state of each document PostgreSQL refused to store, tried again until it takes it. */
  private readonly refused = new Map<string, Uint8Array>();
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly pool: Pool,
    /** Told when PostgreSQL refuses a document, and when it takes them again. */
    private readonly onStoreProblem: (message: string) => void = () => {},
    private readonly retryMs = STORE_RETRY_MS,
  ) {}

  async ensureSchema(): Promise<void> {
    await this.pool.query(`
      CREATE TABLE IF NOT EXISTS verbatim_documents (
        name        text PRIMARY KEY,
        state       bytea NOT NULL,
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async fetch(name: string): Promise<Uint8Array | null> {
    const r = await this.pool.query<{ state: Buffer }>(`SELECT state FROM verbatim_documents WHERE name = $1`, [name]);
    return r.rows[0] ? new Uint8Array(r.rows[0].state) : null;
  }

  /**
   * Stores a document's whole state. When PostgreSQL refuses (full, read-only, gone), Hocuspocus
   * keeps the document in memory and serves it, but would store it again only at its next change:
   * so the newest refused state is kept here and tried again every few seconds until it is stored.
   */
  async store(name: string, state: Uint8Array): Promise<void> {
    try {
      await this.write(name, state);
      this.refused.delete(name);
    } catch (err) {
      if (!this.refused.size) this.onStoreProblem(`PostgreSQL refused to store the team’s documents (${(err as Error).message}); they are kept in memory and served, and stored as soon as PostgreSQL takes them.`);
      this.refused.set(name, state);
      this.retry ??= setTimeout(() => void this.storeRefused(), this.retryMs);
      throw err;
    }
  }

  /** Whether every document has been stored (none waits for PostgreSQL). */
  get allStored(): boolean {
    return this.refused.size === 0;
  }

  /** Stops trying again (the server is closing); what is still refused is lost with the memory, as Hocuspocus's own copy is. */
  close(): void {
    clearTimeout(this.retry);
    this.retry = undefined;
  }

  private async storeRefused(): Promise<void> {
    this.retry = undefined;
    for (const [name, state] of [...this.refused]) {
      try {
        await this.write(name, state);
        // A newer state refused meanwhile stays to be tried.
        if (this.refused.get(name) === state) this.refused.delete(name);
      } catch {
        break;
      }
    }
    if (this.refused.size) this.retry = setTimeout(() => void this.storeRefused(), this.retryMs);
    else this.onStoreProblem('PostgreSQL takes the team’s documents again; every one is stored.');
  }

  private async write(name: string, state: Uint8Array): Promise<void> {
    await this.pool.query(
      `INSERT INTO verbatim_documents (name, state) VALUES ($1, $2)
       ON CONFLICT (name) DO UPDATE SET state = EXCLUDED.state, updated_at = now()`,
      [name, Buffer.from(state)],
    );
  }
}

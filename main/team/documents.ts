// Where the team's Yjs documents live between connections: one row per document in PostgreSQL,
// its whole state as one Yjs update (Hocuspocus merges the updates in memory and stores the
// document a moment after the last change). The documents a team library holds are named here, and
// nothing else is accepted: a client cannot make the server keep arbitrary data.
import type { Pool } from 'pg';

/** The codebook, the library's index, and one document per article and per briefing, by uid. */
const DOCUMENT_NAME = /^(codebook|library|article:[0-9a-f]{64}(\.[0-9a-f-]{36})?|briefing:[0-9a-f-]{36})$/;

export const isDocumentName = (name: string): boolean => DOCUMENT_NAME.test(name);

export class DocumentStore {
  constructor(private readonly pool: Pool) {}

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

  async store(name: string, state: Uint8Array): Promise<void> {
    await this.pool.query(
      `INSERT INTO verbatim_documents (name, state) VALUES ($1, $2)
       ON CONFLICT (name) DO UPDATE SET state = EXCLUDED.state, updated_at = now()`,
      [name, Buffer.from(state)],
    );
  }
}

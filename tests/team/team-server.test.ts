// The team server for real: Hocuspocus over a throwaway PostgreSQL, members with tokens, and Yjs
// clients (Hocuspocus's own provider) connecting over WebSocket. What one member writes reaches
// another and outlives a server restart; a wrong, revoked or read-only member's writes never land.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { startTeamServer, type TeamServer } from '../../main/team/server';
import { MemberStore } from '../../main/team/members';
import { startCluster, type Cluster } from './postgres';
import { connectionUrl } from '../../main/sync/team-sync';
import { BRIEFING_SCHEMA_VERSION } from '../../shared/schema/briefing';

let cluster: Cluster;
let pool: pg.Pool;

beforeAll(async () => {
  cluster = await startCluster();
  pool = new pg.Pool({ connectionString: cluster.url, max: 4 });
}, 120_000);

afterAll(async () => {
  await pool?.end();
  cluster?.stop();
});

interface Client {
  doc: Y.Doc;
  synced: Promise<void>;
  failed: Promise<string>;
  close(): void;
}

/** A client of this build (its briefing schema in the address, as a library's sync sends it), or `url` as an older build would call. */
function connect(server: TeamServer, name: string, token: string, url = connectionUrl(`ws://127.0.0.1:${server.port}`)): Client {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, maxAttempts: 1 });
  let onSynced: () => void = () => {};
  let onFailed: (reason: string) => void = () => {};
  const synced = new Promise<void>((resolve) => (onSynced = resolve));
  const failed = new Promise<string>((resolve) => (onFailed = resolve));
  const provider = new HocuspocusProvider({ websocketProvider: socket, name, document: doc, token, onSynced: () => onSynced(), onAuthenticationFailed: ({ reason }) => onFailed(reason) });
  provider.attach();
  return {
    doc,
    synced,
    failed,
    close() {
      provider.destroy();
      socket.destroy();
    },
  };
}

const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms));
const within = <T>(p: Promise<T>, ms = 10_000) => Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`nothing within ${ms} ms`)), ms))]);

describe('the team server', () => {
  it('carries one member’s change to another, and keeps it in PostgreSQL across a restart', async () => {
    const members = new MemberStore(pool);
    await members.ensureSchema();
    const [alice, bob] = [await members.add('Alice', false), await members.add('Bob', false)];
    let server = await startTeamServer({ pool });
    const a = connect(server, 'codebook', alice);
    await within(a.synced);
    a.doc.getMap('actors').set('0190a3b2-0000-7000-8000-000000000001', 'Kim Jung Han');
    const b = connect(server, 'codebook', bob);
    await within(b.synced);
    await settle();
    expect(b.doc.getMap('actors').toJSON()).toEqual({ '0190a3b2-0000-7000-8000-000000000001': 'Kim Jung Han' });
    a.close();
    b.close();
    await server.close();

    const stored = await pool.query<{ name: string }>(`SELECT name FROM verbatim_documents`);
    expect(stored.rows.map((r) => r.name)).toEqual(['codebook']);
    server = await startTeamServer({ pool });
    const again = connect(server, 'codebook', bob);
    await within(again.synced);
    expect(again.doc.getMap('actors').get('0190a3b2-0000-7000-8000-000000000001')).toBe('Kim Jung Han');
    again.close();
    await server.close();
  });

  it('refuses a wrong token, a revoked member, and a document that is not a team library’s', async () => {
    const members = new MemberStore(pool);
    const carol = await members.add('Carol', false);
    await members.revoke('Carol');
    const refused: string[] = [];
    const server = await startTeamServer({ pool, onRefused: (why) => refused.push(why) });
    try {
      for (const [name, token] of [
        ['codebook', 'vbt_not-a-token'],
        ['codebook', carol],
        ['../../etc/passwd', carol],
      ] as const) {
        const c = connect(server, name, token);
        expect(await within(c.failed)).toBe('permission-denied');
        c.close();
      }
      expect(refused).toEqual(['The token is not one of this team’s.', 'This member’s access was revoked.', '“../../etc/passwd” is not a document of a team library.']);
      await expect(members.add('Carol', false)).rejects.toThrow(/already a member \(or was one, revoked\)/);
      await expect(members.revoke('Nobody')).rejects.toThrow(/not a member/);
    } finally {
      await server.close();
    }
  });

  it('refuses a client from an older version, telling it to update, before it can drop what it has no node type for', async () => {
    const members = new MemberStore(pool);
    const fay = await members.add('Fay', false);
    const refused: string[] = [];
    const server = await startTeamServer({ pool, onRefused: (why) => refused.push(why) });
    try {
      const base = `ws://127.0.0.1:${server.port}`;
      for (const url of [base, `${base}/?schema=${BRIEFING_SCHEMA_VERSION - 1}`]) {
        const c = connect(server, 'codebook', fay, url);
        expect(await within(c.failed)).toMatch(/older than the team’s server .*update Verbatim to sync/);
        c.close();
      }
      expect(refused).toHaveLength(2);
      const current = connect(server, 'codebook', fay);
      await within(current.synced);
      current.close();
    } finally {
      await server.close();
    }
  });

  it('keeps serving while PostgreSQL refuses writes, says so, and stores what it holds once PostgreSQL takes it again, with no further change', async () => {
    const members = new MemberStore(pool);
    const gil = await members.add('Gil', false);
    await pool.query(`
      CREATE TABLE refuse_writes (refusing boolean NOT NULL);
      INSERT INTO refuse_writes VALUES (true);
      CREATE FUNCTION refuse_writes() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF (SELECT refusing FROM refuse_writes) THEN RAISE EXCEPTION 'could not extend file: No space left on device'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER refuse_writes BEFORE INSERT OR UPDATE ON verbatim_documents FOR EACH ROW EXECUTE FUNCTION refuse_writes();`);
    const said: string[] = [];
    let server = await startTeamServer({ pool, storeRetryMs: 200, onStoreProblem: (m) => said.push(m) });
    const name = `article:${'c'.repeat(64)}`;
    const stored = async () => (await pool.query(`SELECT count(*)::int AS n FROM verbatim_documents WHERE name = $1`, [name])).rows[0].n as number;
    try {
      const [a, b] = [connect(server, name, gil), connect(server, name, gil)];
      await within(Promise.all([a.synced, b.synced]));
      a.doc.getMap('articles').set('title', 'Written while the disk is full');
      // The other member has it at once, from the server's memory.
      await within((async () => {
        while (b.doc.getMap('articles').get('title') !== 'Written while the disk is full') await settle(20);
      })());
      await settle(1_000);
      expect(await stored()).toBe(0);
      expect(said.join('\n')).toMatch(/PostgreSQL refused to store the team’s documents \(could not extend file: No space left on device\)/);
      a.close();
      b.close();

      // PostgreSQL takes writes again; nobody changes anything, and the document is stored.
      await pool.query(`UPDATE refuse_writes SET refusing = false`);
      await within((async () => {
        while ((await stored()) === 0) await settle(50);
      })());
      expect(said.at(-1)).toMatch(/takes the team’s documents again/);
      await server.close();
      server = await startTeamServer({ pool });
      const fresh = connect(server, name, gil);
      await within(fresh.synced);
      expect(fresh.doc.getMap('articles').get('title')).toBe('Written while the disk is full');
      fresh.close();
    } finally {
      await server.close();
      await pool.query(`DROP TRIGGER refuse_writes ON verbatim_documents; DROP FUNCTION refuse_writes(); DROP TABLE refuse_writes`);
    }
  });

  it('closes the connection of a client sending what is not a Yjs message, and goes on serving the others', async () => {
    const members = new MemberStore(pool);
    const hal = await members.add('Hal', false);
    const server = await startTeamServer({ pool });
    try {
      const honest = connect(server, 'codebook', hal);
      await within(honest.synced);
      const raw = new WebSocket(connectionUrl(`ws://127.0.0.1:${server.port}`));
      await new Promise((resolve, reject) => {
        raw.once('open', resolve);
        raw.once('error', reject);
      });
      const closed = new Promise<void>((resolve) => raw.once('close', () => resolve()));
      // Bytes no Yjs or Hocuspocus message starts with, then a message claiming a huge length.
      raw.send(Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x01, 0x02]));
      raw.send(Buffer.from('{"type":"sync","update":"AAAA"}'));
      await within(closed);
      honest.doc.getMap('actors').set('0190a3b2-0000-7000-8000-00000000000f', 'Still served');
      const other = connect(server, 'codebook', hal);
      await within(other.synced);
      await settle();
      expect(other.doc.getMap('actors').get('0190a3b2-0000-7000-8000-00000000000f')).toBe('Still served');
      honest.close();
      other.close();
    } finally {
      await server.close();
    }
  });

  it('lets a read-only member read but not write', async () => {
    const members = new MemberStore(pool);
    const [dora, eve] = [await members.add('Dora', false), await members.add('Eve', true)];
    const server = await startTeamServer({ pool });
    try {
      const writer = connect(server, 'library', dora);
      await within(writer.synced);
      writer.doc.getMap('articles').set('a'.repeat(64), 'Japan urges South Korea to resolve wartime labor row');
      const reader = connect(server, 'library', eve);
      await within(reader.synced);
      await settle();
      expect(reader.doc.getMap('articles').size).toBe(1);
      reader.doc.getMap('articles').set('b'.repeat(64), 'written by a read-only member');
      await settle(500);
      const fresh = connect(server, 'library', dora);
      await within(fresh.synced);
      await settle();
      expect(Object.keys(fresh.doc.getMap('articles').toJSON())).toEqual(['a'.repeat(64)]);
      for (const c of [writer, reader, fresh]) c.close();
    } finally {
      await server.close();
    }
  });
});

// Who may use a team library: each member has a name, a token and whether they may only read.
// Only a hash of the token is kept (SHA-256: the token is 32 random bytes, so a slow hash adds
// nothing), so a copy of the database gives nobody a way in; revoking keeps the row, so the
// name is not silently reused and a revoked token is told apart from a wrong one.
import { createHash, randomBytes } from 'node:crypto';
import type { Pool } from 'pg';

export interface Member {
  name: string;
  readOnly: boolean;
  addedAt: string;
  revokedAt: string | null;
}

/** The outcome of checking a token: the member it belongs to, or why not. */
export type TokenCheck = { ok: true; member: Member } | { ok: false; reason: 'unknown' | 'revoked' };

const TOKEN_PREFIX = 'vbt_';

interface MemberRow {
  name: string;
  read_only: boolean;
  added_at: Date;
  revoked_at: Date | null;
}
const MEMBER_COLUMNS = 'name, read_only, added_at, revoked_at';
const toMember = (m: MemberRow): Member => ({ name: m.name, readOnly: m.read_only, addedAt: m.added_at.toISOString(), revokedAt: m.revoked_at?.toISOString() ?? null });
const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** A member's name as the desk knows them: printable, at most 100 characters. */
export function memberNameProblem(name: string): string | null {
  if (!name.trim()) return 'A member needs a name.';
  if (name.length > 100) return 'A member’s name must be at most 100 characters.';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'A member’s name cannot hold control characters.';
  return null;
}

export class MemberStore {
  constructor(private readonly pool: Pool) {}

  /** Creates the table on first use; safe to run on every start. */
  async ensureSchema(): Promise<void> {
    await this.pool.query(`
      CREATE TABLE IF NOT EXISTS verbatim_members (
        name        text PRIMARY KEY,
        token_hash  text NOT NULL UNIQUE,
        read_only   boolean NOT NULL DEFAULT false,
        added_at    timestamptz NOT NULL DEFAULT now(),
        revoked_at  timestamptz
      )`);
  }

  /** Adds a member and returns their token, shown once: only its hash is kept. */
  async add(name: string, readOnly: boolean): Promise<string> {
    const problem = memberNameProblem(name);
    if (problem) throw new Error(problem);
    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const r = await this.pool.query(`INSERT INTO verbatim_members (name, token_hash, read_only) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING`, [name.trim(), hash(token), readOnly]);
    if (r.rowCount !== 1) throw new Error(`“${name.trim()}” is already a member (or was one, revoked): choose another name.`);
    return token;
  }

  /** Revokes a member: their token stops working at once, on the next connection. */
  async revoke(name: string): Promise<void> {
    const r = await this.pool.query(`UPDATE verbatim_members SET revoked_at = now() WHERE name = $1 AND revoked_at IS NULL`, [name.trim()]);
    if (r.rowCount !== 1) throw new Error(`“${name.trim()}” is not a member with access: nothing was revoked.`);
  }

  async list(): Promise<Member[]> {
    const r = await this.pool.query<MemberRow>(`SELECT ${MEMBER_COLUMNS} FROM verbatim_members ORDER BY name`);
    return r.rows.map(toMember);
  }

  async check(token: string): Promise<TokenCheck> {
    if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return { ok: false, reason: 'unknown' };
    const r = await this.pool.query<MemberRow>(`SELECT ${MEMBER_COLUMNS} FROM verbatim_members WHERE token_hash = $1`, [hash(token)]);
    const m = r.rows[0];
    if (!m) return { ok: false, reason: 'unknown' };
    if (m.revoked_at) return { ok: false, reason: 'revoked' };
    return { ok: true, member: toMember(m) };
  }
}

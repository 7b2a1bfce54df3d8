// `verbatim team-server`: runs the team server, and manages who may connect to it. Every command
// names the team's PostgreSQL with --postgres (or $VERBATIM_TEAM_POSTGRES); the server creates its
// two tables there on first start. A member's token is printed once and never stored as such.
import type { Command } from 'commander';
import pg from 'pg';
import { AppError } from '../errors';
import { forTerminal } from '../terminal';
import { MemberStore } from './members';
import { startTeamServer } from './server';

interface Connection {
  postgres?: string;
}

function postgresUrl(o: Connection): string {
  const url = o.postgres ?? process.env.VERBATIM_TEAM_POSTGRES;
  if (!url) throw new AppError('invalid_input', 'Name the team’s PostgreSQL database: --postgres postgres://USER@HOST:PORT/DATABASE (or set VERBATIM_TEAM_POSTGRES).');
  if (!/^postgres(ql)?:\/\//.test(url)) throw new AppError('invalid_input', `“${url.slice(0, 80)}” is not a PostgreSQL address: it must start with postgres://.`);
  return url;
}

/** A pool to the team's database, tried once first: one that cannot be reached is said plainly. */
async function reachablePool(o: Connection, max: number): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: postgresUrl(o), max, connectionTimeoutMillis: 10_000 });
  try {
    await pool.query('SELECT 1');
    return pool;
  } catch (err) {
    await pool.end();
    throw new AppError('unsupported', `The team’s PostgreSQL could not be reached: ${(err as Error).message}`);
  }
}

/** A pool for one command, closed after it. */
async function withPool<T>(o: Connection, fn: (pool: pg.Pool) => Promise<T>): Promise<T> {
  const pool = await reachablePool(o, 4);
  try {
    return await fn(pool);
  } finally {
    await pool.end();
  }
}

const memberCommand = async (o: Connection, fn: (members: MemberStore) => Promise<void>) =>
  withPool(o, async (pool) => {
    const members = new MemberStore(pool);
    await members.ensureSchema();
    try {
      await fn(members);
    } catch (err) {
      throw err instanceof AppError ? err : new AppError('invalid_input', (err as Error).message);
    }
  });

export function registerTeamCommands(program: Command): void {
  const team = program.command('team-server').description('run the server a team library shares (Hocuspocus over PostgreSQL), and manage its members');
  team
    .command('start', { isDefault: true })
    .description('run the team server until Ctrl+C (the default)')
    .option('--postgres <url>', 'the team’s PostgreSQL (default: $VERBATIM_TEAM_POSTGRES)')
    .option('--port <n>', 'port (0 picks a free one)', (v) => parseInt(v, 10), 4488)
    .option('--host <host>', 'address to bind; put TLS in front of it with a reverse proxy (docs/TEAM.md)', '127.0.0.1')
    .action(async (o: Connection & { port: number; host: string }) => {
      const pool = await reachablePool(o, 10);
      const server = await startTeamServer({ pool, port: o.port, host: o.host, onRefused: (why) => process.stderr.write(`verbatim team-server: refused: ${forTerminal(why)}\n`) });
      process.stdout.write(`Verbatim team server on ws://${o.host}:${server.port}\nPress Ctrl+C to stop.\n`);
      const stop = async () => {
        await server.close();
        await pool.end();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
    });
  team
    .command('add-member <name>')
    .description('add a member and print their token (shown once)')
    .option('--read-only', 'the member may read but not change anything')
    .option('--postgres <url>', 'the team’s PostgreSQL (default: $VERBATIM_TEAM_POSTGRES)')
    .action((name: string, o: Connection & { readOnly?: boolean }) =>
      memberCommand(o, async (members) => {
        const token = await members.add(name, !!o.readOnly);
        process.stdout.write(`${token}\n`);
        process.stderr.write(`Added ${forTerminal(name.trim())}${o.readOnly ? ' (read only)' : ''}. Give them the token above; it is not shown again.\n`);
      }),
    );
  team
    .command('revoke <name>')
    .description('take a member’s access away (their token stops working at once)')
    .option('--postgres <url>', 'the team’s PostgreSQL (default: $VERBATIM_TEAM_POSTGRES)')
    .action((name: string, o: Connection) => memberCommand(o, async (members) => void (await members.revoke(name), process.stdout.write(`Revoked ${forTerminal(name.trim())}.\n`))));
  team
    .command('members')
    .description('list the members')
    .option('--postgres <url>', 'the team’s PostgreSQL (default: $VERBATIM_TEAM_POSTGRES)')
    .action((o: Connection) =>
      memberCommand(o, async (members) => {
        for (const m of await members.list()) process.stdout.write(`${forTerminal(m.name)}\t${m.readOnly ? 'read only' : 'read and write'}\t${m.revokedAt ? `revoked ${m.revokedAt}` : `since ${m.addedAt}`}\n`);
      }),
    );
}

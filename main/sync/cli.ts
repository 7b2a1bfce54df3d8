// `verbatim team join | status | sync`: a library's side of the team (docs/TEAM.md). The desktop
// app will keep the connection open; from the command line, a sync is one round with the server.
import type { Command } from 'commander';
import type { Library } from '../store/open';
import { forTerminal } from '../terminal';
import { TeamSync } from './team-sync';

type WithLibrary = <T>(fn: (lib: Library) => Promise<T> | T) => Promise<T>;

export function registerTeamClientCommands(program: Command, withLibrary: WithLibrary): void {
  const team = program.command('team').description('share this library with a team: join its server, sync, see where it stands');
  team
    .command('join <url>')
    .description('connect this library to a team’s server (wss://…), with the token a team-server add-member printed')
    .requiredOption('--token <token>', 'this member’s token')
    .action((url: string, o: { token: string }) =>
      withLibrary((lib) => {
        const { queued } = new TeamSync(lib).join(url, o.token);
        process.stdout.write(`Joined ${forTerminal(url)}. ${queued} codebook records will be shared at the next sync (verbatim team sync).\n`);
      }),
    );
  team
    .command('status')
    .description('whether this library is in a team, and how many changes wait to be sent')
    .option('--json', 'print JSON')
    .action((o: { json?: boolean }) =>
      withLibrary((lib) => {
        const s = new TeamSync(lib).status();
        if (o.json) process.stdout.write(`${JSON.stringify(s)}\n`);
        else if (!s.joined) process.stdout.write('Not in a team. Join one with: verbatim team join wss://SERVER --token TOKEN\n');
        else process.stdout.write(`Team server: ${forTerminal(s.url!)}\nWaiting to be sent: ${s.pending}\nStill to fetch: ${s.wanted}\nLast sync: ${s.lastSync ?? 'never'}\n`);
      }),
    );
  team
    .command('sync')
    .description('send what changed here and take what changed in the team (a large library’s first sync in several rounds)')
    .option('--timeout <seconds>', 'give up on a round after this long; what earlier rounds took stays, the rest waits for the next sync', (v) => parseInt(v, 10), 30)
    .action((o: { timeout: number }) =>
      withLibrary(async (lib) => {
        const r = await new TeamSync(lib).catchUp(o.timeout * 1000, (wanted) => process.stderr.write(`verbatim: ${wanted} articles or briefings still to fetch…\n`));
        process.stdout.write(`Sent ${r.sent} changed records; took ${r.received} from the team.\n`);
        if (r.wanted) process.stdout.write(`${r.wanted} articles or briefings the team changed are still to fetch: run verbatim team sync again.\n`);
        for (const n of r.notices) process.stdout.write(`${forTerminal(n)}\n`);
        for (const p of r.problems) process.stderr.write(`verbatim: set aside from the team: ${forTerminal(p)}\n`);
      }),
    );
}

// Restores a backup and SIGKILLs itself right after the named step (main/store/backup.ts's
// RESTORE_STEPS), so the fault matrix can check the library after a crash at every step.
//
//   node --import tsx tests/reliability/workers/restorer.ts LIBRARY BACKUP STEP
import { restoreBackup, type RestoreStep } from '../../../main/store/backup';

const [library, backup, killAfter] = process.argv.slice(2) as [string, string, RestoreStep];
await restoreBackup(library, backup, {
  onStep: (step) => {
    if (step === killAfter) process.kill(process.pid, 'SIGKILL');
  },
});
process.stdout.write('restored without being killed\n');

// pdf.js reports what it had to work around in a file through the console ("Warning: ..."), not
// through its API. While a PDF is read those lines are collected instead of printed (the CLI's
// standard output carries JSON), and the ones that mean the file is damaged (objects missing from
// where the cross-reference table says, fonts that cannot be read: the text would come out as
// gibberish or not at all) make the import fail with that reason.
//
// The capture swaps console.log and console.warn for the duration of a read. The worker thread
// reads one PDF at a time; in-process reads (tests, the benchmark) at the same moment share warnings.

const active = new Set<string[]>();
let restore: (() => void) | null = null;

function capture(): () => void {
  const { log, warn } = console;
  const tee =
    (fallback: (...args: unknown[]) => void) =>
    (...args: unknown[]) => {
      const line = args.map(String).join(' ');
      if (/^(Warning|Info): /.test(line)) for (const w of active) w.push(line);
      else fallback(...args);
    };
  console.log = tee(log);
  console.warn = tee(warn);
  return () => {
    console.log = log;
    console.warn = warn;
  };
}

export async function collectingWarnings<T>(fn: (warnings: string[]) => Promise<T>): Promise<T> {
  const warnings: string[] = [];
  restore ??= capture();
  active.add(warnings);
  try {
    return await fn(warnings);
  } finally {
    active.delete(warnings);
    if (!active.size && restore) {
      restore();
      restore = null;
    }
  }
}

const DAMAGE = /XRefEntryException|XRefParseException|Bad (?:\(uncompressed\) )?XRef|translateFont failed|fetching .* font file|Invalid (?:stream|object|XRef)|FormatError/i;

/** The first warning that says the file is damaged, or null. */
export function damageIn(warnings: readonly string[]): string | null {
  return warnings.find((w) => DAMAGE.test(w))?.replace(/^Warning: /, '') ?? null;
}

// Why a run failed, in the user's language: the worker pool's English messages rewritten
// into Dutch where the pattern is known. A model error's own text (a bug report, for the
// developers) stays as it is.
import type { Lang } from '../../sim/results/verdict.ts';

type Rule = [RegExp, (m: RegExpMatchArray) => string];

/** Why a worker died (WorkerFactory and the pool's stall watchdog). */
const DEATH_DUTCH: Rule[] = [
  [
    /^no answer from the worker for ([\d.]+) s \(it hangs or was stopped\)$/,
    (m) => `de rekenthread gaf ${m[1].replace('.', ',')} s geen antwoord (hij hangt of is gestopt)`,
  ],
  [/^worker error: (.*)$/s, (m) => `fout in de rekenthread: ${m[1]}`],
  [/^worker exited with code (\d+)$/, (m) => `de rekenthread stopte met code ${m[1]}`],
  [
    /^(a )?message (from the worker )?could not be read/,
    () => 'een bericht van de rekenthread was onleesbaar',
  ],
];

function deathDutch(reason: string): string {
  for (const [re, f] of DEATH_DUTCH) {
    const m = reason.match(re);
    if (m) return f(m);
  }
  return reason;
}

/** "1,000,000" (as sim/ writes numbers) as Dutch writes it: "1.000.000". */
const nl = (n: string) => n.replace(/,/g, '.');

const DUTCH: Rule[] = [
  // A run too large for memory (sim/run-size.ts), before it starts or in a replication.
  [
    /(?:^replication \d+: )?the scenario holds about (\S+) people in one replication over (\d+) years, more than the (\S+) that fit in memory: lower the arrival rates or shorten the period$/,
    (m) =>
      `het scenario heeft ongeveer ${nl(m[1])} mensen in één replicatie over ${m[2]} jaar, meer dan de ${nl(m[3])} die in het geheugen passen: verlaag de instroom of kort de periode in`,
  ],
  [
    /^(\S+) replications of (\d+) reported years need (\S+) MB for their results, more than the (\S+) MB allowed: use fewer replications$/,
    (m) =>
      `${nl(m[1])} replicaties van ${m[2]} jaar hebben ${nl(m[3])} MB nodig voor hun uitkomsten, meer dan de toegestane ${nl(m[4])} MB: kies minder replicaties`,
  ],
  [
    /^replication (\d+): the worker died again on the re-run \((.*)\)$/s,
    (m) => `replicatie ${m[1]}: de rekenthread viel ook bij de herhaling uit (${deathDutch(m[2])})`,
  ],
  [/^replication (\d+): (.*)$/s, (m) => `fout in het model bij replicatie ${m[1]}: ${m[2]}`],
  [
    /^invalid scenario \(in worker\): (.*)$/s,
    (m) => `ongeldig scenario (in de rekenthread): ${m[1]}`,
  ],
];

/** The message of a failed run (pool or worker error) in `lang`. */
export function runErrorMessage(message: string, lang: Lang): string {
  if (lang === 'en') return message;
  for (const [re, f] of DUTCH) {
    const m = message.match(re);
    if (m) return f(m);
  }
  return message;
}

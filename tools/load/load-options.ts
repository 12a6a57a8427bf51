// Command-line flags of tools/load/run-load.ts. A bad flag prints the usage and exits 2.
export const phaseNames = ['throughput', 'latency', 'timers', 'memory'] as const;
export type PhaseName = (typeof phaseNames)[number];

export interface LoadOptions {
  /** Seconds of each throughput measurement (OneWindow and bare, each). */
  duration: number;
  /** Cases in flight at once in the closed-loop throughput phase (both drivers). */
  concurrency: number;
  /** Decisions per second of the open-loop latency phase. */
  decisionRate: number;
  /** Seconds of the latency phase. */
  latencyDuration: number;
  /** Timer probes due in one minute. */
  timers: number;
  /** Cases opened (waiting on approvers) for the memory phase. */
  openCases: number;
  phases: PhaseName[];
  /** Dynamic configuration of the run's Temporal dev server (experiments: `--temporal-config history.cacheMaxSize=20000`). */
  temporalConfig: Record<string, unknown>;
}

export const usage = `Usage: npx tsx tools/load/run-load.ts [flags]
  --duration <s>          seconds per throughput measurement, OneWindow and bare each (default 300)
  --concurrency <n>       cases in flight in the closed-loop throughput phase (default 16)
  --decision-rate <n/s>   open-loop decision rate of the latency phase (default 50)
  --latency-duration <s>  seconds of the latency phase (default 60)
  --timers <n>            timer probes due within the same minute (default 10000)
  --open-cases <n>        cases opened and left waiting on approvers for the memory phase (default 10000)
  --phases <list>         comma-separated subset of ${phaseNames.join(',')} (default all)
  --temporal-config <k=v> a dynamic configuration value of the run's Temporal dev server, the value as JSON
                          (repeatable; e.g. history.cacheMaxSize=20000)
  --help                  this text
Everything runs on 127.0.0.1 and stops by itself; Ctrl-C stops every process the run started.`;

export class UsageError extends Error {}

const positive = (flag: string, raw: string | undefined, integer = true): number => {
  const value = Number(raw);
  if (
    raw === undefined ||
    raw.trim() === '' ||
    !Number.isFinite(value) ||
    value <= 0 ||
    (integer && !Number.isInteger(value))
  ) {
    throw new UsageError(
      `${flag} needs a positive ${integer ? 'integer' : 'number'}, got ${raw === undefined ? 'nothing' : JSON.stringify(raw)}`,
    );
  }
  return value;
};

export function parseLoadOptions(argv: string[]): LoadOptions | 'help' {
  const options: LoadOptions = {
    duration: 300,
    concurrency: 16,
    decisionRate: 50,
    latencyDuration: 60,
    timers: 10_000,
    openCases: 10_000,
    phases: [...phaseNames],
    temporalConfig: {},
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => (inline !== undefined ? inline : argv[++i]);
    switch (flag) {
      case '--help':
      case '-h':
        return 'help';
      case '--duration':
        options.duration = positive(flag, value());
        break;
      case '--concurrency':
        options.concurrency = positive(flag, value());
        break;
      case '--decision-rate':
        options.decisionRate = positive(flag, value(), false);
        break;
      case '--latency-duration':
        options.latencyDuration = positive(flag, value());
        break;
      case '--timers':
        options.timers = positive(flag, value());
        break;
      case '--open-cases':
        options.openCases = positive(flag, value());
        break;
      case '--phases': {
        const raw = value();
        const list = (raw ?? '')
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean);
        const bad = list.filter((p) => !(phaseNames as readonly string[]).includes(p));
        if (list.length === 0 || bad.length)
          throw new UsageError(
            `--phases takes a list of ${phaseNames.join(',')}; got ${JSON.stringify(raw ?? '')}`,
          );
        options.phases = phaseNames.filter((p) => list.includes(p));
        break;
      }
      case '--temporal-config': {
        const raw = value() ?? '';
        const [key, json] = raw.split(/=(.*)/s, 2);
        let parsed: unknown;
        try {
          parsed = json === undefined ? undefined : JSON.parse(json);
        } catch {
          parsed = undefined;
        }
        if (!/^[\w.]+$/.test(key) || parsed === undefined) {
          throw new UsageError(
            `--temporal-config takes KEY=JSON, e.g. history.cacheMaxSize=20000; got ${JSON.stringify(raw)}`,
          );
        }
        options.temporalConfig[key] = parsed;
        break;
      }
      default:
        throw new UsageError(`unknown argument ${JSON.stringify(argv[i])}`);
    }
  }
  return options;
}

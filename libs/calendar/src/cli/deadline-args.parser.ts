import { isIsoDate } from '../dates/iso-date.util';

export interface DeadlineArgs {
  from: string;
  days: number;
  natural: boolean;
  countStartDay: boolean;
  suspensions: { from: string; to: string }[];
}

export type ParsedDeadlineArgs =
  { kind: 'help' } | { kind: 'error'; message: string } | { kind: 'ok'; args: DeadlineArgs };

const VALUE_FLAGS = new Set(['--from', '--days', '--suspend']);

/** Parses `--from D --days N [--natural] [--count-start-day] [--suspend A:B]…`; `--flag=value` also works. */
export function parseDeadlineArgs(argv: readonly string[]): ParsedDeadlineArgs {
  let from: string | undefined;
  let days: number | undefined;
  let natural = false;
  let countStartDay = false;
  const suspensions: { from: string; to: string }[] = [];
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] =
      argv[i].startsWith('--') && argv[i].includes('=')
        ? [argv[i].slice(0, argv[i].indexOf('=')), argv[i].slice(argv[i].indexOf('=') + 1)]
        : [argv[i], undefined];
    if (flag === '--help' || flag === '-h') return { kind: 'help' };
    if (flag === '--natural') natural = true;
    else if (flag === '--count-start-day') countStartDay = true;
    else if (VALUE_FLAGS.has(flag)) {
      const value = inline ?? argv[++i];
      if (value === undefined) return { kind: 'error', message: `${flag} needs a value` };
      if (flag === '--from') {
        if (!isIsoDate(value))
          return { kind: 'error', message: `--from must be a date YYYY-MM-DD, got ${JSON.stringify(value)}` };
        from = value;
      } else if (flag === '--days') {
        if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value)))
          return {
            kind: 'error',
            message: `--days must be a whole number ≥ 1, got ${JSON.stringify(value)}`,
          };
        days = Number(value);
      } else {
        const [a, b, extra] = value.split(':');
        if (extra !== undefined || !isIsoDate(a) || !isIsoDate(b) || b < a)
          return {
            kind: 'error',
            message: `--suspend must be FROM:TO with dates YYYY-MM-DD and TO ≥ FROM, got ${JSON.stringify(value)}`,
          };
        suspensions.push({ from: a, to: b });
      }
    } else return { kind: 'error', message: `unknown argument ${JSON.stringify(argv[i])}` };
  }
  if (from === undefined) return { kind: 'error', message: '--from is required' };
  if (days === undefined) return { kind: 'error', message: '--days is required' };
  return { kind: 'ok', args: { from, days, natural, countStartDay, suspensions } };
}

// Percentiles and markdown helpers for the load report.

/** Nearest-rank percentile of an unsorted sample (copy sorted here); NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function summarize(values: readonly number[]): {
  n: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  min: number;
} {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted.length
      ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
      : Number.NaN;
  return {
    n: sorted.length,
    p50: at(50),
    p90: at(90),
    p99: at(99),
    max: sorted.length ? sorted[sorted.length - 1] : Number.NaN,
    min: sorted.length ? sorted[0] : Number.NaN,
  };
}

export const fmt = (value: number, digits = 1): string =>
  Number.isFinite(value) ? value.toFixed(digits) : '–';

export const verdict = (ok: boolean | undefined): string =>
  ok === undefined ? '–' : ok ? 'met' : '**missed**';

export interface ReportRow {
  measure: string;
  value: string;
  target: string;
  verdict: string;
  notes?: string;
}

export function markdownTable(rows: ReportRow[]): string {
  const lines = ['| measure | measured | target | verdict | how / notes |', '|---|---|---|---|---|'];
  for (const r of rows)
    lines.push(`| ${r.measure} | ${r.value} | ${r.target} | ${r.verdict} | ${r.notes ?? ''} |`);
  return lines.join('\n');
}

export const sleepMs = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Runs `task(i)` for i in [0, count) with at most `limit` in flight; stops starting new ones after `deadline`. */
export async function boundedPool<T>(
  count: number,
  limit: number,
  deadline: number,
  task: (i: number) => Promise<T>,
): Promise<{ results: T[]; errors: unknown[] }> {
  const results: T[] = [];
  const errors: unknown[] = [];
  let next = 0;
  const lane = async () => {
    while (next < count && Date.now() < deadline) {
      const i = next++;
      try {
        results.push(await task(i));
      } catch (error) {
        errors.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, lane));
  return { results, errors };
}

// Catalogue search over 5,000 items through the real API on SQLite: p50/p95/p99 latency per query kind.
// Run: npx tsx tools/bench/catalogue-search.bench.ts [items=5000] [queriesPerKind=300]
import type { AddressInfo } from 'node:net';
import type { Connection } from '@temporalio/client';
import { buildApiDeps, createApp, createLogger } from '@onewindow/api';
import { loadConfig } from '@onewindow/config';
import { applyCatalogue, createSqliteTestDatabase } from '@onewindow/db';
import { generateSyntheticCatalogue, loadSeedCatalogue, syntheticDepartmentUscc } from '@onewindow/standards';
import { summarize } from './bench-report';

const itemCount = Number(process.argv[2] ?? 5000);
const perKind = Number(process.argv[3] ?? 300);

async function main(): Promise<void> {
  const database = await createSqliteTestDatabase();
  const seed = loadSeedCatalogue();
  const departments = Array.from({ length: 20 }, (_, d) => ({
    code: `SYN-DEPT-${String(d).padStart(2, '0')}`,
    name: `合成部门${d}`,
    regionCode: '379900',
    uscc: syntheticDepartmentUscc(d),
  }));
  const items = generateSyntheticCatalogue(itemCount - seed.items.length);
  const loadStart = performance.now();
  await applyCatalogue(
    database.db,
    { ...seed, departments: [...seed.departments, ...departments], items: [...seed.items, ...items] },
    { label: 'bench', source: 'import', createdBy: 'bench' },
  );
  const loadMs = performance.now() - loadStart;

  // One client sends every request, so lift the per-IP public rate limit for the measurement.
  process.env.PUBLIC_RATE_LIMIT = '10000000';
  const config = loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent' });
  const deps = buildApiDeps(config, createLogger('silent'), '127.0.0.1:1');
  const server = createApp(deps).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/catalogue/items`;

  const kinds: Record<string, (i: number) => string> = {
    'name fragment': (i) => `?q=${encodeURIComponent(`合成事项${(i * 37) % itemCount}`)}`,
    'code prefix': (i) => `?q=${items[(i * 13) % items.length].implementationCode.slice(0, 24)}`,
    'department + type': (i) => `?department=SYN-DEPT-${String(i % 20).padStart(2, '0')}&type=01`,
    'browse page 10': () => '?page=10&pageSize=20',
  };
  const rows: string[] = [];
  for (const [kind, query] of Object.entries(kinds)) {
    for (let i = 0; i < 20; i++) await (await fetch(base + query(i))).arrayBuffer(); // warm-up
    const times: number[] = [];
    for (let i = 0; i < perKind; i++) {
      const t0 = performance.now();
      const res = await fetch(base + query(i));
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${kind}: HTTP ${res.status}`);
      times.push(performance.now() - t0);
    }
    const s = summarize(times);
    rows.push(
      `| ${kind} | ${perKind} | ${s.median.toFixed(2)} | ${s.p95.toFixed(2)} | ${s.p99.toFixed(2)} |`,
    );
  }
  server.close();
  await (deps.temporal.connection as Connection).close().catch(() => undefined);
  await database.dispose();

  console.log(
    `Catalogue search through the API on SQLite — ${itemCount} active items (catalogue import took ${(loadMs / 1000).toFixed(1)} s)\n`,
  );
  console.log('| query | requests | p50 ms | p95 ms | p99 ms |');
  console.log('|---|---:|---:|---:|---:|');
  console.log(rows.join('\n'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

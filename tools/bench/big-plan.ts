// The benchmark diagram shared by the Node and the browser designer benchmarks (about 500 BPMN elements).
import { planBuilder, type SequenceBuilder } from '@onewindow/flow-model';

/** accept → 8 × (a step, then a fork of 8 branches: parallel / exclusive / inclusive in turn) → issue. */
export function bigPlan() {
  let n = 0;
  const step = (b: SequenceBuilder) =>
    b.department({
      id: `s${++n}`,
      departmentCode: `D${n % 30}`,
      limitWorkingDays: 1 + (n % 9),
      assignees: [`u${n}`],
    });
  let b: SequenceBuilder = planBuilder('bench', { name: 'benchmark' }).accept();
  for (let section = 0; section < 8; section++) {
    b = step(b);
    const branches = Array.from(
      { length: 8 },
      (_, i) => (s: SequenceBuilder) =>
        step(step(s)).timer(`t${section}_${i}`, { value: 1 + i, unit: 'working_day' }),
    );
    if (section % 3 === 0) b = b.parallel(branches);
    else {
      const kind = section % 3 === 1 ? 'exclusive' : 'inclusive';
      b = b[kind](branches.map((then, i) => (i === 0 ? { then } : { when: `x = ${i}`, then })));
    }
  }
  return (b as ReturnType<typeof planBuilder>).issue().build();
}

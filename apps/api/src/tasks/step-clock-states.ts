import type { Db } from '@onewindow/db';

export interface StepClockState {
  state: 'running' | 'suspended';
  /** What stopped it: 补正, a special procedure, or a hold (at the window after 退回, paused behind a returned branch). */
  kind: 'supplement' | 'special_procedure' | 'hold' | null;
  reason: string | null;
}

/** The verbs that stop or restart a step clock for the applicant or a procedure, as the Decision projection names them. */
const suspendingVerbs = [
  'return_for_supplement',
  'submit_supplement',
  'start_special_procedure',
  'end_special_procedure',
];

/**
 * The step clocks of open tasks, keyed `<caseNo>\0<stepId>`, from the ClockEvent projection (the last
 * suspend or resume of `step:<id>`) and the Decision projection (the last suspending verb says why).
 * Either the open tasks of a department or those of some cases.
 */
export async function stepClockStates(
  db: Db,
  scope: { departmentCode: string } | { caseNos: string[] },
): Promise<Map<string, StepClockState>> {
  const cases =
    'departmentCode' in scope
      ? { case: { tasks: { some: { departmentCode: scope.departmentCode, state: 'open' } } } }
      : { caseNo: { in: scope.caseNos } };
  const [events, decisions] = await Promise.all([
    db.clockEvent.findMany({
      where: { ...cases, clockId: { startsWith: 'step:' }, kind: { in: ['suspend', 'resume'] } },
      select: { caseNo: true, clockId: true, kind: true, reason: true, eventSeq: true },
      orderBy: { eventSeq: 'asc' },
    }),
    db.decision.findMany({
      where: { ...cases, verb: { in: suspendingVerbs } },
      select: { caseNo: true, stepId: true, verb: true, eventSeq: true },
      orderBy: { eventSeq: 'asc' },
    }),
  ]);
  const lastVerb = new Map<string, string>();
  for (const d of decisions) if (d.stepId) lastVerb.set(`${d.caseNo}\u0000${d.stepId}`, d.verb);
  const states = new Map<string, StepClockState>();
  for (const e of events) {
    const key = `${e.caseNo}\u0000${e.clockId.slice('step:'.length)}`;
    if (e.kind === 'resume') {
      states.set(key, { state: 'running', kind: null, reason: null });
      continue;
    }
    const verb = lastVerb.get(key);
    const kind =
      verb === 'return_for_supplement'
        ? 'supplement'
        : verb === 'start_special_procedure'
          ? 'special_procedure'
          : 'hold';
    states.set(key, { state: 'suspended', kind, reason: e.reason });
  }
  return states;
}

import { planBuilder, type Countersign } from '@onewindow/flow-model';
import {
  WorkingCalendar,
  addWorkingDays,
  isWorkingDay,
  nextWorkingDay,
  workingDaysBetween,
} from '@onewindow/calendar';
import {
  approveExtension,
  approveStep,
  caseStateQuery,
  endSpecialProcedure,
  refreshCalendar,
  issueResults,
  refuseStep,
  requestExtension,
  returnForSupplement,
  startSpecialProcedure,
  submitSupplement,
  withdrawCase,
} from '../src/index';
import {
  calendarData,
  shanghaiDay,
  resultOf,
  useTimeSkippingEnv,
  caseRunner,
  rejection,
  workingCalendar as cal,
} from './case-harness';

describe('caseWorkflow: decisions, countersign, clocks', () => {
  const env = useTimeSkippingEnv();

  const withCase = caseRunner(env, 'DEC');
  const singleStep = (countersign?: Countersign, assignees = ['a1']) =>
    planBuilder('one-step')
      .accept()
      .department({
        id: 'review',
        departmentCode: 'D1',
        limitWorkingDays: 5,
        assignees,
        ...(countersign ? { countersign } : {}),
      })
      .issue()
      .build();

  it('rejects invalid decisions synchronously with a clear reason, and applies an update id once', async () => {
    await withCase(singleStep(), async (h, fake) => {
      expect(
        await rejection(h.executeUpdate(approveStep, { args: [{ stepId: 'review', actor: 'stranger' }] })),
      ).toMatch(/stranger is not an assignee of step "review" \(pending: a1\)/);
      expect(
        await rejection(
          h.executeUpdate(refuseStep, { args: [{ stepId: 'review', actor: 'a1', reasons: [] }] }),
        ),
      ).toMatch(/a refusal needs at least one reason/);
      expect(
        await rejection(h.executeUpdate(approveStep, { args: [{ stepId: 'nope', actor: 'a1' }] })),
      ).toMatch(/no department step "nope" is open .*open: review/);
      expect(
        await rejection(
          h.executeUpdate(issueResults, { args: [{ actor: 'w', delivery: { method: 'window' } }] }),
        ),
      ).toMatch(/in review: nothing to issue/);
      expect(fake.of('recordDecision')).toHaveLength(0);

      const first = await h.executeUpdate(approveStep, {
        args: [{ stepId: 'review', actor: 'a1' }],
        updateId: 'approve-review-a1',
      });
      const again = await h.executeUpdate(approveStep, {
        args: [{ stepId: 'review', actor: 'a1' }],
        updateId: 'approve-review-a1',
      });
      expect(again).toEqual(first);
      expect(fake.of('recordDecision')).toHaveLength(1);
      expect(fake.of('closeTask')).toHaveLength(1);
      expect(
        await rejection(h.executeUpdate(approveStep, { args: [{ stepId: 'review', actor: 'a1' }] })),
      ).toMatch(/review decisions are closed|already approved/);
    });
  }, 60_000);

  it.each<[string, Countersign, string[], [string, 'approve' | 'refuse'][], string]>([
    [
      'all: every assignee must approve',
      { mode: 'all' },
      ['a1', 'a2', 'a3'],
      [
        ['a1', 'approve'],
        ['a2', 'approve'],
        ['a3', 'approve'],
      ],
      'approved',
    ],
    [
      'all: one refusal refuses',
      { mode: 'all' },
      ['a1', 'a2', 'a3'],
      [
        ['a1', 'approve'],
        ['a2', 'refuse'],
      ],
      'refused',
    ],
    ['any: the first vote decides', { mode: 'any' }, ['a1', 'a2', 'a3'], [['a2', 'approve']], 'approved'],
    [
      'at least 2 of 3: two approvals approve',
      { mode: 'at_least', n: 2 },
      ['a1', 'a2', 'a3'],
      [
        ['a1', 'refuse'],
        ['a2', 'approve'],
        ['a3', 'approve'],
      ],
      'approved',
    ],
    [
      'at least 2 of 3: two refusals refuse',
      { mode: 'at_least', n: 2 },
      ['a1', 'a2', 'a3'],
      [
        ['a1', 'refuse'],
        ['a3', 'refuse'],
      ],
      'refused',
    ],
  ])(
    'countersign %s',
    async (_name, countersign, assignees, votes, expected) => {
      await withCase(singleStep(countersign, assignees), async (h) => {
        for (const [actor, verb] of votes) {
          if (verb === 'approve') await h.executeUpdate(approveStep, { args: [{ stepId: 'review', actor }] });
          else
            await h.executeUpdate(refuseStep, {
              args: [{ stepId: 'review', actor, reasons: [`${actor} objects`] }],
            });
        }
        const view = await h.query(caseStateQuery);
        expect(view.steps[0].status).toBe(expected);
        expect(view.phase).toBe('awaiting_issuance');
        expect(view.outcome).toBe(expected);
      });
    },
    60_000,
  );

  it('withdrawal cancels every open step and ends the case', async () => {
    const plan = planBuilder('three')
      .accept()
      .parallel([
        (b) => b.department({ id: 's1', departmentCode: 'D1', limitWorkingDays: 5, assignees: ['u1'] }),
        (b) => b.department({ id: 's2', departmentCode: 'D2', limitWorkingDays: 5, assignees: ['u2'] }),
        (b) => b.department({ id: 's3', departmentCode: 'D3', limitWorkingDays: 5, assignees: ['u3'] }),
      ])
      .issue()
      .build();
    await withCase(plan, async (h, fake) => {
      await h.executeUpdate(approveStep, { args: [{ stepId: 's1', actor: 'u1' }] });
      await h.executeUpdate(returnForSupplement, {
        args: [{ stepId: 's2', actor: 'u2', materials: ['租赁合同'] }],
      });
      expect(
        await rejection(
          h.executeUpdate(withdrawCase, { args: [{ by: 'applicant', actor: 'applicant-1', reason: ' ' }] }),
        ),
      ).toMatch(/reason is required/);
      const view = await h.executeUpdate(withdrawCase, {
        args: [{ by: 'applicant', actor: 'applicant-1', reason: '不再开店' }],
      });
      expect(view.steps.map((s) => [s.stepId, s.status])).toEqual([
        ['s1', 'approved'],
        ['s2', 'cancelled'],
        ['s3', 'cancelled'],
      ]);
      expect(view.clocks.suspended).toBe(false);
      expect(await resultOf(h)).toMatchObject({ outcome: 'withdrawn' });
      expect(fake.of('closeTask').map((c) => [c.stepId, c.status])).toEqual([
        ['s1', 'approved'],
        ['s2', 'cancelled'],
        ['s3', 'cancelled'],
      ]);
      expect(fake.of('completeCase')).toEqual([expect.objectContaining({ outcome: 'withdrawn' })]);
    });
  }, 60_000);

  it('a supplement suspends the step and case clocks: the due dates move by the suspended working days', async () => {
    await withCase(singleStep(), async (h, fake) => {
      const before = await h.query(caseStateQuery);
      const dueBefore = before.steps[0].clock.dueDate!;
      const caseDueBefore = before.clocks.statutory.dueDate!;
      const suspendedOn = shanghaiDay(await env().currentTimeMs());
      await h.executeUpdate(returnForSupplement, {
        args: [{ stepId: 'review', actor: 'a1', materials: ['营业执照副本', '平面图'] }],
      });
      expect(
        await rejection(h.executeUpdate(approveStep, { args: [{ stepId: 'review', actor: 'a1' }] })),
      ).toMatch(/suspended, waiting for the applicant’s supplement/);
      const during = await h.query(caseStateQuery);
      expect(during.steps[0].clock.state).toBe('suspended');
      expect(during.clocks.suspended).toBe(true);
      await env().sleep('14 days'); // longer than the longest public holiday, so some working days always pass
      const resumedOn = shanghaiDay(await env().currentTimeMs());
      const resumed = await h.executeUpdate(submitSupplement, {
        args: [{ stepId: 'review', actor: 'window-1', materials: ['营业执照副本', '平面图'] }],
      });
      const after = await h.query(caseStateQuery);
      const suspendedDays = workingDaysBetween(cal, suspendedOn, resumedOn);
      expect(suspendedDays).toBeGreaterThan(0); // 10 in two ordinary weeks; fewer across a public holiday
      expect(resumed.clock.dueDate).toBe(addWorkingDays(cal, dueBefore, suspendedDays));
      expect(after.clocks.statutory.dueDate).toBe(addWorkingDays(cal, caseDueBefore, suspendedDays));
      expect(after.clocks.suspended).toBe(false);
      // Activities run concurrently, so compare as a set.
      expect(
        fake
          .of('recordClockEvent')
          .map((e) => `${e.clock}:${e.event}`)
          .sort(),
      ).toEqual([
        'promised:resumed',
        'promised:started',
        'promised:suspended',
        'statutory:resumed',
        'statutory:started',
        'statutory:suspended',
        'step:resumed',
        'step:suspended',
      ]);
    });
  }, 60_000);

  it('projects the promised (承诺) clock like the statutory one: started and resumed with its due date, suspended without', async () => {
    await withCase(singleStep(), async (h, fake) => {
      const before = await h.query(caseStateQuery);
      const promisedEvents = () => fake.of('recordClockEvent').filter((e) => e.clock === 'promised');
      expect(before.clocks.promised?.dueDate).toBeTruthy();
      expect(promisedEvents()).toEqual([
        expect.objectContaining({ event: 'started', dueDate: before.clocks.promised!.dueDate }),
      ]);
      await h.executeUpdate(returnForSupplement, {
        args: [{ stepId: 'review', actor: 'a1', materials: ['平面图'] }],
      });
      await env().sleep('3 days');
      await h.executeUpdate(submitSupplement, { args: [{ stepId: 'review', actor: 'window-1' }] });
      const after = await h.query(caseStateQuery);
      expect(after.clocks.promised!.dueDate! >= before.clocks.promised!.dueDate!).toBe(true);
      expect(promisedEvents().map((e) => [e.event, e.dueDate, e.stepId])).toEqual([
        ['started', before.clocks.promised!.dueDate, undefined],
        ['suspended', undefined, undefined],
        ['resumed', after.clocks.promised!.dueDate, undefined],
      ]);
      // The promised clock is never extended: an approved extension moves only the step and statutory clocks.
      await h.executeUpdate(requestExtension, {
        args: [{ stepId: 'review', actor: 'a1', days: 3, reason: '现场核查' }],
      });
      await h.executeUpdate(approveExtension, { args: [{ stepId: 'review', approvedBy: 'lead-1' }] });
      expect(promisedEvents()).toHaveLength(3);
      expect((await h.query(caseStateQuery)).clocks.promised!.dueDate).toBe(after.clocks.promised!.dueDate);
    });
  }, 60_000);

  it('special procedure suspends; an extension needs an approver other than the requester', async () => {
    await withCase(singleStep(undefined, ['a1']), async (h, fake) => {
      await h.executeUpdate(startSpecialProcedure, {
        args: [{ stepId: 'review', actor: 'a1', kind: 'expert_review', reason: '专家评审' }],
      });
      expect((await h.query(caseStateQuery)).clocks.suspended).toBe(true);
      await h.executeUpdate(endSpecialProcedure, {
        args: [{ stepId: 'review', actor: 'a1', result: '通过' }],
      });
      const due = (await h.query(caseStateQuery)).steps[0].clock.dueDate!;
      await h.executeUpdate(requestExtension, {
        args: [{ stepId: 'review', actor: 'a1', days: 3, reason: '现场核查' }],
      });
      expect(
        await rejection(
          h.executeUpdate(approveExtension, { args: [{ stepId: 'review', approvedBy: 'a1' }] }),
        ),
      ).toMatch(/requested the extension and cannot approve it/);
      expect(
        await rejection(h.executeUpdate(approveExtension, { args: [{ stepId: 'review', approvedBy: '' }] })),
      ).toMatch(/approvedBy is required/);
      const extended = await h.executeUpdate(approveExtension, {
        args: [{ stepId: 'review', approvedBy: 'lead-1' }],
      });
      expect(extended.clock.dueDate).toBe(addWorkingDays(cal, due, 3));
      expect(extended.extensions).toEqual([
        expect.objectContaining({ days: 3, approvedBy: 'lead-1', requestedBy: 'a1', reason: '现场核查' }),
      ]);
      expect(fake.of('recordClockEvent').filter((e) => e.event === 'extended')).toEqual([
        expect.objectContaining({ clock: 'step', approvedBy: 'lead-1' }),
        expect.objectContaining({ clock: 'statutory', approvedBy: 'lead-1' }),
      ]);
      await h.executeUpdate(approveStep, { args: [{ stepId: 'review', actor: 'a1' }] });
      await h.executeUpdate(issueResults, {
        args: [{ actor: 'w', delivery: { method: 'post', address: '上海市' } }],
      });
      expect(await resultOf(h)).toMatchObject({ outcome: 'approved' });
      const history = (await h.query(caseStateQuery)).history.map((e) => e.action);
      expect(history).toEqual(
        expect.arrayContaining([
          'special_procedure_started',
          'special_procedure_ended',
          'extension_requested',
          'extension_approved',
          'approve',
          'issued',
        ]),
      );
    });
  }, 60_000);

  it('refreshed calendar data moves open due dates at once (a year published, a correction)', async () => {
    await withCase(singleStep(), async (h, fake) => {
      const before = (await h.query(caseStateQuery)).steps[0].clock.dueDate!;
      expect(
        await rejection(
          h.executeUpdate(refreshCalendar, {
            args: [{ actor: 'admin', calendar: { years: 'none' } as never }],
          }),
        ),
      ).toMatch(/calendar\.years/);
      const dayOff = workingDayBefore(cal, before); // a working day inside the step's period becomes a holiday
      const year = Number(dayOff.slice(0, 4));
      const base = calendarData.years.find((y) => y.year === year) ?? {
        year,
        source: 'test',
        provisional: false,
        holidays: [],
        adjustedWorkingDays: [],
      };
      const corrected = {
        ...calendarData,
        years: [
          ...calendarData.years.filter((y) => y.year !== year),
          { ...base, holidays: [...base.holidays, { name: '临时调整', start: dayOff, end: dayOff }] },
        ],
      };
      const view = await h.executeUpdate(refreshCalendar, {
        args: [{ actor: 'admin', calendar: corrected }],
      });
      expect(view.steps[0].clock.dueDate).toBe(nextWorkingDay(WorkingCalendar.fromData(corrected), before));
      expect(fake.of('recordDecision')).toEqual([
        expect.objectContaining({
          action: 'calendar_refreshed',
          details: expect.objectContaining({
            changes: [expect.objectContaining({ stepId: 'review', from: before })],
          }),
        }),
      ]);
    });
  }, 60_000);
});

/** The working day before `date`. */
function workingDayBefore(cal: WorkingCalendar, date: string): string {
  let d = date;
  do d = new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  while (!isWorkingDay(cal, d));
  return d;
}

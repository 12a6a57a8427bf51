import {
  ClockError,
  ClockErrorCode,
  StatutoryClock,
  createOfficialCalendar,
  type StatutoryClockSnapshot,
} from '../src';

// Expected dates worked out by hand from docs/domain.md §3.3.
const calendar = createOfficialCalendar();
const decision = () =>
  StatutoryClock.start({ startDate: '2026-09-28', limit: { value: 20, unit: 'working_day' } });

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof ClockError ? error.code : `not a ClockError: ${String(error)}`;
  }
  return undefined;
}

describe('StatutoryClock due dates', () => {
  it('20 working days from 2026-09-28 end on 2026-10-30 (crossing 国庆, counting 调休 10-10)', () => {
    expect(decision().dueAt(calendar)).toEqual({ date: '2026-10-30', provisional: false });
  });

  it('a 补正 suspension 10-12…10-15 excludes those 4 working days', () => {
    const clock = decision().suspend({ kind: 'supplement' }, '2026-10-12').resume('2026-10-15');
    expect(clock.dueAt(calendar).date).toBe('2026-11-05');
  });

  it('an Art. 45 hearing lying wholly in 国庆 changes nothing', () => {
    const clock = decision().suspend({ kind: 'hearing' }, '2026-10-01').resume('2026-10-07');
    expect(clock.dueAt(calendar).date).toBe('2026-10-30');
  });

  it('a suspension starting on the (uncounted) start day only excludes the days after it', () => {
    const clock = decision().suspend({ kind: 'expert_review' }, '2026-09-28').resume('2026-09-29');
    expect(clock.dueAt(calendar).date).toBe('2026-11-02');
  });

  it('an approved 10-day extension moves the due date to 2026-11-13', () => {
    const clock = decision().extend(10, '局长 张三', '需要现场核查');
    expect(clock.totalDays).toBe(30);
    expect(clock.dueAt(calendar).date).toBe('2026-11-13');
  });

  it('counts the start day when configured', () => {
    const clock = StatutoryClock.start({
      startDate: '2026-09-28',
      limit: { value: 20, unit: 'working_day' },
      countStartDay: true,
    });
    expect(clock.dueAt(calendar).date).toBe('2026-10-29');
  });

  it('while suspended the due date is unknown (null) until the limit was already used up', () => {
    const open = decision().suspend({ kind: 'testing' }, '2026-10-12');
    expect(open.state).toBe('suspended');
    expect(open.dueAt(calendar)).toEqual({ date: null, provisional: false });
    const afterDue = decision().suspend({ kind: 'testing' }, '2026-11-02');
    expect(afterDue.dueAt(calendar).date).toBe('2026-10-30');
  });

  describe('natural-day limits', () => {
    const natural = () =>
      StatutoryClock.start({ startDate: '2026-09-14', limit: { value: 20, unit: 'natural_day' } });
    it('ends on 10-04 (国庆) and rolls to 2026-10-08', () => {
      expect(natural().dueAt(calendar).date).toBe('2026-10-08');
    });
    it('suspended natural days are excluded: 09-20…09-25 (6 days) moves the end to 10-10, a 调休 Saturday', () => {
      expect(
        natural().suspend({ kind: 'quarantine' }, '2026-09-20').resume('2026-09-25').dueAt(calendar).date,
      ).toBe('2026-10-10');
    });
    it('remaining counts down to the rolled-over due day', () => {
      const clock = natural();
      expect(clock.elapsed(calendar, '2026-10-04')).toBe(20);
      expect(clock.remaining(calendar, '2026-10-04')).toBe(4);
      expect(clock.remaining(calendar, '2026-10-08')).toBe(0);
      expect(clock.warningLevel(calendar, '2026-10-08')).toBe('warning');
      expect(clock.remaining(calendar, '2026-10-09')).toBe(-1);
      expect(clock.warningLevel(calendar, '2026-10-09')).toBe('overdue');
    });
  });
});

describe('StatutoryClock elapsed, remaining and warning level', () => {
  it.each([
    ['2026-09-28', 0, 20],
    ['2026-10-09', 4, 16],
    ['2026-10-26', 16, 4],
    ['2026-10-30', 20, 0],
    ['2026-11-02', 21, -1],
  ])('at %s: elapsed %i, remaining %i', (at, elapsed, remaining) => {
    expect(decision().elapsed(calendar, at)).toBe(elapsed);
    expect(decision().remaining(calendar, at)).toBe(remaining);
  });

  it('excludes suspended working days and freezes while suspended', () => {
    const closed = decision().suspend({ kind: 'supplement' }, '2026-10-12').resume('2026-10-15');
    expect(closed.elapsed(calendar, '2026-10-14')).toBe(5);
    expect(closed.elapsed(calendar, '2026-10-16')).toBe(6);
    expect(closed.remaining(calendar, '2026-10-16')).toBe(14);
    const open = decision().suspend({ kind: 'supplement' }, '2026-10-12');
    expect(open.elapsed(calendar, '2026-10-20')).toBe(5);
    expect(open.remaining(calendar, '2026-10-20')).toBe(15);
  });

  it('warns by days remaining (default ≤ 3) and is overdue after the due day', () => {
    expect(decision().warningLevel(calendar, '2026-10-26')).toBe('normal');
    expect(decision().warningLevel(calendar, '2026-10-27')).toBe('warning');
    expect(decision().warningLevel(calendar, '2026-10-30')).toBe('warning');
    expect(decision().warningLevel(calendar, '2026-10-31')).toBe('overdue');
  });

  it('warns by percentage when configured', () => {
    const clock = StatutoryClock.start({
      startDate: '2026-09-28',
      limit: { value: 20, unit: 'working_day' },
      thresholds: { warningPercent: 25 },
    });
    expect(clock.warningLevel(calendar, '2026-10-22')).toBe('normal'); // 6 of 20 left
    expect(clock.warningLevel(calendar, '2026-10-23')).toBe('warning'); // 5 of 20 = 25 %
  });

  it('stays overdue when suspended after the due date', () => {
    expect(decision().suspend({ kind: 'appraisal' }, '2026-11-02').warningLevel(calendar, '2026-11-03')).toBe(
      'overdue',
    );
  });
});

describe('StatutoryClock with a 0-day limit (即办件)', () => {
  const onTheSpot = (
    startDate: string,
    unit: 'working_day' | 'natural_day' = 'working_day',
    countStartDay = false,
  ) => StatutoryClock.start({ startDate, limit: { value: 0, unit }, countStartDay });

  it('is due on its start day, with nothing left that day, and overdue the next day', () => {
    const clock = onTheSpot('2026-09-28');
    expect(clock.dueAt(calendar)).toEqual({ date: '2026-09-28', provisional: false });
    expect(clock.remaining(calendar, '2026-09-28')).toBe(0);
    expect(clock.warningLevel(calendar, '2026-09-28')).not.toBe('overdue');
    expect(clock.remaining(calendar, '2026-09-29')).toBe(-1);
    expect(clock.warningLevel(calendar, '2026-09-29')).toBe('overdue');
  });

  it('countStartDay does not move it: the start day is not spent before the decision', () => {
    const clock = onTheSpot('2026-09-28', 'working_day', true);
    expect(clock.dueAt(calendar).date).toBe('2026-09-28');
    expect(clock.remaining(calendar, '2026-09-28')).toBe(0);
    expect(clock.warningLevel(calendar, '2026-09-28')).not.toBe('overdue');
  });

  it('accepted on a holiday (国庆 2026-10-03), it is due that day, in working or natural days', () => {
    expect(onTheSpot('2026-10-03').dueAt(calendar).date).toBe('2026-10-03');
    expect(onTheSpot('2026-10-03', 'natural_day').dueAt(calendar).date).toBe('2026-10-03');
    expect(onTheSpot('2026-10-03').warningLevel(calendar, '2026-10-04')).toBe('overdue');
    // The first working day after the holiday is one working day late.
    expect(onTheSpot('2026-10-03').remaining(calendar, '2026-10-08')).toBe(-1);
    expect(onTheSpot('2026-10-03', 'natural_day').remaining(calendar, '2026-10-03')).toBe(0);
  });

  it('a suspension after the start day does not move it (the limit was used up that day)', () => {
    const clock = onTheSpot('2026-09-28').suspend({ kind: 'supplement' }, '2026-09-29');
    expect(clock.dueAt(calendar).date).toBe('2026-09-28');
  });

  it('an approved extension counts from the day after the start: +1 working day from Friday 10-09 is the 调休 Saturday 10-10', () => {
    expect(onTheSpot('2026-09-28').extend(1, '局长', '现场核查').dueAt(calendar).date).toBe('2026-09-29');
    expect(onTheSpot('2026-10-09').extend(1, '局长', '现场核查').dueAt(calendar).date).toBe('2026-10-10');
  });

  it('round-trips through toJSON/fromJSON', () => {
    const clock = onTheSpot('2026-09-28').extend(2, '局长', '现场核查');
    expect(StatutoryClock.fromJSON(JSON.parse(JSON.stringify(clock.toJSON()))).dueAt(calendar)).toEqual(
      clock.dueAt(calendar),
    );
  });
});

describe('StatutoryClock transitions', () => {
  it('returns new clocks and leaves the original unchanged', () => {
    const a = decision();
    const b = a.suspend({ kind: 'auction' }, '2026-10-12');
    expect(a.state).toBe('running');
    expect(a.history).toEqual([]);
    expect(b.history).toEqual([{ type: 'suspended', at: '2026-10-12', reason: { kind: 'auction' } }]);
    expect(Object.isFrozen(b)).toBe(true);
  });

  it('records every event in history', () => {
    const clock = decision()
      .suspend({ kind: 'other', note: '等待上级批复' }, '2026-10-12')
      .resume('2026-10-15')
      .extend(10, '局长 张三', '需要现场核查', '2026-10-20');
    expect(clock.history.map((e) => e.type)).toEqual(['suspended', 'resumed', 'extended']);
  });

  it.each([
    ['resume while running', () => decision().resume('2026-10-01'), ClockErrorCode.NotSuspended],
    [
      'suspend twice',
      () => decision().suspend({ kind: 'tender' }, '2026-10-12').suspend({ kind: 'tender' }, '2026-10-13'),
      ClockErrorCode.AlreadySuspended,
    ],
    [
      'resume before the suspension began',
      () => decision().suspend({ kind: 'inspection' }, '2026-10-12').resume('2026-10-11'),
      ClockErrorCode.OutOfOrder,
    ],
    [
      'suspend before the start',
      () => decision().suspend({ kind: 'inspection' }, '2026-09-27'),
      ClockErrorCode.OutOfOrder,
    ],
    [
      'overlap the previous suspension',
      () =>
        decision()
          .suspend({ kind: 'hearing' }, '2026-10-12')
          .resume('2026-10-15')
          .suspend({ kind: 'hearing' }, '2026-10-15'),
      ClockErrorCode.OutOfOrder,
    ],
    [
      '"other" without a note',
      () => decision().suspend({ kind: 'other' } as never, '2026-10-12'),
      ClockErrorCode.InvalidReason,
    ],
    [
      'unknown reason kind',
      () => decision().suspend({ kind: 'holiday' } as never, '2026-10-12'),
      ClockErrorCode.InvalidReason,
    ],
    [
      'extension without approver',
      () => decision().extend(10, ' ', 'reason'),
      ClockErrorCode.InvalidExtension,
    ],
    ['extension without reason', () => decision().extend(10, '局长', ''), ClockErrorCode.InvalidExtension],
    ['extension of 0 days', () => decision().extend(0, '局长', 'reason'), ClockErrorCode.InvalidExtension],
    [
      'negative limit',
      () => StatutoryClock.start({ startDate: '2026-09-28', limit: { value: -1, unit: 'working_day' } }),
      ClockErrorCode.InvalidStart,
    ],
    [
      'invalid start date',
      () => StatutoryClock.start({ startDate: '2026-02-30', limit: { value: 20, unit: 'working_day' } }),
      ClockErrorCode.InvalidStart,
    ],
  ])('%s throws a ClockError', (_label, fn, code) => {
    expect(codeOf(fn)).toBe(code);
  });

  it('gives clear messages', () => {
    expect(() => decision().resume('2026-10-01')).toThrow(
      'cannot resume on 2026-10-01: the clock is not suspended',
    );
    expect(() =>
      decision().suspend({ kind: 'tender' }, '2026-10-12').suspend({ kind: 'tender' }, '2026-10-13'),
    ).toThrow('already suspended since 2026-10-12');
  });
});

describe('StatutoryClock serialisation', () => {
  it('round-trips exactly through JSON', () => {
    const clock = decision()
      .suspend({ kind: 'supplement', note: '缺营业执照副本' }, '2026-10-12')
      .resume('2026-10-15')
      .extend(10, '局长 张三', '需要现场核查')
      .suspend({ kind: 'other', note: '专家会' }, '2026-11-02');
    const json = JSON.parse(JSON.stringify(clock)) as StatutoryClockSnapshot;
    const restored = StatutoryClock.fromJSON(json);
    expect(restored.toJSON()).toStrictEqual(clock.toJSON());
    expect(restored.state).toBe('suspended');
    expect(restored.remaining(calendar, '2026-11-10')).toBe(clock.remaining(calendar, '2026-11-10'));
  });

  it('stores defaults explicitly so a later default change cannot alter an open case', () => {
    expect(decision().toJSON()).toStrictEqual({
      schemaVersion: 1,
      startDate: '2026-09-28',
      limit: { value: 20, unit: 'working_day' },
      countStartDay: false,
      thresholds: { warningDays: 3 },
      history: [],
    });
  });

  it('refuses invalid snapshots', () => {
    expect(codeOf(() => StatutoryClock.fromJSON({ ...decision().toJSON(), schemaVersion: 2 }))).toBe(
      ClockErrorCode.InvalidSnapshot,
    );
    expect(
      codeOf(() =>
        StatutoryClock.fromJSON({ ...decision().toJSON(), history: [{ type: 'resumed', at: '2026-10-01' }] }),
      ),
    ).toBe(ClockErrorCode.NotSuspended);
  });

  it('does not leak internal state through toJSON or history', () => {
    const clock = decision().suspend({ kind: 'hearing' }, '2026-10-12');
    const json = clock.toJSON();
    json.history.length = 0;
    json.limit.value = 1;
    (clock.history[0] as { at: string }).at = '2026-12-01';
    expect(clock.toJSON().history).toHaveLength(1);
    expect(clock.toJSON().history[0]).toMatchObject({ at: '2026-10-12' });
    expect(clock.limit.value).toBe(20);
  });
});

describe('StatutoryClock date arguments', () => {
  it.each([
    ['suspend', () => decision().suspend({ kind: 'hearing' }, '2026-10-32')],
    ['resume', () => decision().suspend({ kind: 'hearing' }, '2026-10-12').resume('20261015')],
    ['extend', () => decision().extend(10, '局长', '理由', 'tomorrow')],
    ['remaining', () => decision().remaining(calendar, '2026/10/12')],
    ['warningLevel', () => decision().warningLevel(calendar, '')],
  ])('%s with a bad date throws ClockError INVALID_DATE', (_name, fn) => {
    expect(codeOf(fn)).toBe(ClockErrorCode.InvalidDate);
  });
});

describe('StatutoryClock exact round trip with explicit undefined fields', () => {
  it('drops undefined optional fields so JSON round-trips strictly', () => {
    const clock = StatutoryClock.start({
      startDate: '2026-09-28',
      limit: { value: 20, unit: 'working_day' },
      thresholds: { warningDays: undefined, warningPercent: 25 },
    }).suspend({ kind: 'supplement', note: undefined }, '2026-10-12');
    expect(StatutoryClock.fromJSON(JSON.parse(JSON.stringify(clock))).toJSON()).toStrictEqual(clock.toJSON());
    expect(clock.toJSON().thresholds).toStrictEqual({ warningPercent: 25 });
  });
});

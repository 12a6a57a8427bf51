import { createOfficialCalendar } from '@onewindow/calendar';
import { dueOf } from '../clock/case-clock';
import { issuancePhase, withdrawal } from './case-closing';

const calendar = createOfficialCalendar();
/** Monday 2026-03-02, 10:00 in Shanghai (a working day of the shipped 2026 calendar). */
const MON = Date.parse('2026-03-02T02:00:00Z');

describe('issuancePhase', () => {
  it('decides the case approved when nothing was refused, and starts the issuance clock from today', () => {
    const t = issuancePhase({ refusals: [] }, 10, MON);
    expect(t.fields).toEqual({
      phase: 'awaiting_issuance',
      outcome: 'approved',
      decidedAt: '2026-03-02T02:00:00.000Z',
    });
    expect(dueOf(t.clocks!.issuance!, calendar).date).toBe('2026-03-16');
    expect(t.history).toEqual([
      { actor: 'system', action: 'awaiting_issuance', details: { outcome: 'approved' } },
    ]);
    expect(t.calls).toEqual([
      { name: 'recordClockEvent', input: { clock: 'issuance', event: 'started' }, dueOf: 'issuance' },
    ]);
  });

  it('decides it refused when any step or check refused', () => {
    const t = issuancePhase({ refusals: [{ stepId: 'fire', reasons: ['no exit'] }] }, 10, MON);
    expect(t.fields?.outcome).toBe('refused');
    expect(t.history?.[0].details).toEqual({ outcome: 'refused' });
  });
});

describe('withdrawal', () => {
  it('ends the case withdrawn and records who withdrew it and why', () => {
    const t = withdrawal({ actor: 'window-1', by: 'applicant', reason: 'moved abroad' }, MON);
    expect(t.fields).toEqual({
      phase: 'withdrawn',
      outcome: 'withdrawn',
      decidedAt: '2026-03-02T02:00:00.000Z',
    });
    expect(t.history).toEqual([
      { actor: 'window-1', action: 'withdrawn', details: { by: 'applicant', reason: 'moved abroad' } },
    ]);
    expect(t.calls).toEqual([
      {
        name: 'recordDecision',
        input: {
          action: 'withdraw',
          actor: 'window-1',
          details: { by: 'applicant', reason: 'moved abroad' },
        },
      },
    ]);
  });
});

import type { Client } from '@temporalio/client';
import { itemStepId } from '@onewindow/flow-model';
import { startSeededStack, type SeededStack } from './seeded-stack';
import { application, goodPersonId, items } from './case-fixtures';
import type { ApiSession } from './http-session';

/** Every string and every payload's bytes (decoded as UTF-8) anywhere in a history or description. */
function textOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (value instanceof Uint8Array) out.push(Buffer.from(value).toString('utf8'));
  else if (Array.isArray(value)) value.forEach((v) => textOf(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => textOf(v, out));
  return out;
}

describe('personal data stays out of Temporal (ids, search attributes, memos, histories)', () => {
  let temporal: Client;
  let clerk: ApiSession;
  let approver: (departmentCode: string) => ApiSession;
  let seeded: SeededStack | undefined;
  beforeAll(async () => {
    seeded = await startSeededStack();
    ({ clerk, approver, temporal } = seeded);
  }, 120_000);
  afterAll(() => seeded?.stop(), 60_000);

  it('a case run to issuance: the workflow id is the case number and nothing Temporal stores names the applicant', async () => {
    const applicant = { kind: 'person', idNumber: goodPersonId, name: '李四海', phone: '13912345678' };
    const accepted = await clerk.call(
      'POST',
      '/api/cases',
      application([items[0].implementationCode], { applicant }),
    );
    expect(accepted.status).toBe(201);
    const caseNo: string = accepted.body.caseNo;
    expect(caseNo).toMatch(/^YC\d{14}$/);

    // The calendar travels in the input, so the first step is open when this Update is applied.
    const approved = await approver(items[0].departmentCode).call('POST', `/api/cases/${caseNo}/actions`, {
      verb: 'approve',
      stepId: itemStepId(items[0].implementationCode),
    });
    expect(approved.status).toBe(200);
    // Delivered by post: the address, waybill and recipient go to the database (送达回证), never to Temporal.
    const post = {
      method: 'post',
      address: '济南市历下区泉城路 188 号 3 单元',
      carrier: '中国邮政 EMS',
      trackingNo: '1187654329999',
      recipientName: '李四海',
    };
    expect((await clerk.call('POST', `/api/cases/${caseNo}/issue`, { delivery: post })).status).toBe(200);

    const handle = temporal.workflow.getHandle(caseNo);
    expect(await handle.result()).toMatchObject({ caseNo, outcome: 'approved' });
    const description = await handle.describe();
    expect(description.workflowId).toBe(caseNo);
    // Only the ones Temporal sets itself (worker build, patch markers); we set none.
    expect(
      Object.keys(description.searchAttributes).filter(
        (key) => !['BuildIds', 'TemporalChangeVersion'].includes(key),
      ),
    ).toEqual([]);
    expect(await description.memo).toEqual({});

    const stored = [...textOf(await handle.fetchHistory()), ...textOf(description.raw)].join('\n');
    expect(stored).toContain(items[0].implementationCode); // payloads were decoded: the plan in the input names the item
    for (const personal of [
      goodPersonId,
      '19491231',
      applicant.name,
      applicant.phone,
      post.address,
      post.trackingNo,
    ])
      expect(stored).not.toContain(personal);
    expect(stored).toContain('post'); // the delivery method is the workflow's
  }, 90_000);
});

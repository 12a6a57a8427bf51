import { toShanghaiDate } from '@onewindow/calendar';
import type { Client } from '@temporalio/client';
import type { Db } from '@onewindow/db';
import { itemStepId } from '@onewindow/flow-model';
import { caseStateQuery } from '@onewindow/workflows';
import { pdfText } from '../support/pdf-text';
import { startSeededStack, type SeededStack } from './seeded-stack';
import { application, eventually, items } from './case-fixtures';
import type { ApiSession } from './http-session';

/**
 * 容缺受理 on the real stack (API, Temporal, worker): the catalogue says a missed lease ends the case (toleratedOverdue
 * terminate); the case workflow starts with the gap, the 容缺受理通知书 prints that rule, and recording the material at
 * the window tells the workflow (its state and the Decision projection), after which the results are issued.
 */
describe('容缺受理: the window records the tolerated material and the workflow hears of it', () => {
  let seeded: SeededStack | undefined;
  let db: Db;
  let temporal: Client;
  let clerk: ApiSession;
  const food = items[0];
  beforeAll(async () => {
    seeded = await startSeededStack();
    ({ db, temporal, clerk } = seeded);
    await db.item.update({
      where: { id: `${food.implementationCode}@1` },
      data: {
        data: JSON.stringify({
          results: [{ ...food.certificate, kind: 'certificate' }],
          materials: [
            { code: 'M-ID', necessity: 'required' },
            { code: 'M-LEASE', necessity: 'tolerated_missing', toleratedOverdue: 'terminate' },
          ],
        }),
      },
    });
  }, 120_000);
  afterAll(() => seeded?.stop(), 60_000);

  it('starts the workflow with the gap and its rule, tells it the material was supplied, then issues', async () => {
    const today = toShanghaiDate(Date.now());
    const accepted = await clerk.call(
      'POST',
      '/api/cases',
      application([food.implementationCode], {
        materials: [
          { materialCode: 'M-ID', originals: 1, copies: 1 },
          { materialCode: 'M-LEASE', provenance: 'tolerated_missing', dueDate: today },
        ],
      }),
      { 'idempotency-key': 'tolerated-e2e-0001' },
    );
    expect(accepted.status).toBe(201);
    const caseNo: string = accepted.body.caseNo;
    const workflow = temporal.workflow.getHandle(caseNo);
    expect((await workflow.query(caseStateQuery)).gaps).toEqual([
      { materialCode: 'M-LEASE', dueDate: today, onOverdue: 'terminate' },
    ]);

    // The notice prints the catalogue's rule for a missed date.
    const rq = await eventually(async () => {
      const list = await clerk.call('GET', `/api/cases/${caseNo}/documents`);
      return list.body.documents?.some((d: { documentNo: string }) => d.documentNo === `RQ-${caseNo}`)
        ? true
        : undefined;
    });
    expect(rq).toBe(true);
    const notice = pdfText((await clerk.download(`/api/cases/${caseNo}/documents/RQ-${caseNo}`)).bytes);
    expect(notice).toContain('逾期未补齐的，终止办理');

    const approved = await seeded!
      .approver(food.departmentCode)
      .call('POST', `/api/cases/${caseNo}/actions`, {
        verb: 'approve',
        stepId: itemStepId(food.implementationCode),
      });
    expect(approved.status).toBe(200);
    await eventually(async () =>
      (await db.case.findUniqueOrThrow({ where: { caseNo } })).status === 'decided' ? true : undefined,
    );
    const early = await clerk.call('POST', `/api/cases/${caseNo}/issue`, { delivery: { method: 'window' } });
    expect(early.status).toBe(409);
    expect(early.body.detail).toContain('容缺材料尚未补齐');

    const supplied = await clerk.call('POST', `/api/cases/${caseNo}/tolerated-materials/M-LEASE`, {
      copies: 1,
    });
    expect(supplied.status).toBe(200);
    const [gap] = (await workflow.query(caseStateQuery)).gaps ?? [];
    expect(gap).toMatchObject({ materialCode: 'M-LEASE', suppliedBy: 'clerk-1' });
    await eventually(async () =>
      (await db.decision.count({ where: { caseNo, verb: 'tolerated_material_supplied' } })) === 1
        ? true
        : undefined,
    );
    // A second click: refused by the API, and the workflow records nothing more.
    const twice = await clerk.call('POST', `/api/cases/${caseNo}/tolerated-materials/M-LEASE`, { copies: 1 });
    expect(twice.status).toBe(409);
    expect(
      (await workflow.query(caseStateQuery)).history.filter(
        (h) => h.action === 'tolerated_material_supplied',
      ),
    ).toHaveLength(1);

    const issued = await clerk.call('POST', `/api/cases/${caseNo}/issue`, {
      delivery: { method: 'electronic' },
    });
    expect(issued.status).toBe(200);
    expect(issued.body.outcome).toBe('approved');
  });
});

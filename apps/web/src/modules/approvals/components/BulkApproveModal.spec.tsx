import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { InboxTask } from '@onewindow/contracts';
import { fakeResponse, mockFetch } from '../../../test/fake-fetch';
import { renderWithProviders } from '../../../test/render-with-providers';
import { BulkApproveModal } from './BulkApproveModal';

const clock = {
  state: 'running',
  dueDate: '2026-12-21',
  provisional: false,
  remainingWorkingDays: 10,
  elapsedWorkingDays: 0,
  warningLevel: 'normal',
};
/** GET /api/cases/:caseNo as the API answers it, with the step's revision. */
const details = (caseNo: string, revision: number) => ({
  caseNo,
  status: 'in_review',
  applicant: { kind: 'person', name: '张**', idNumberMasked: '110*******002X' },
  items: [],
  acceptedAt: null,
  statutoryDueDate: null,
  promisedDueDate: null,
  kind: 'item',
  bundleCode: null,
  source: 'workflow',
  view: {
    caseNo,
    planKey: 'plan',
    planHash: 'hash',
    phase: 'in_review',
    steps: [
      {
        stepId: 'item_FOOD',
        name: '食品经营许可',
        departmentCode: 'SFS-SCJG',
        status: 'open',
        generation: 1,
        assignees: [{ userId: 'li', status: 'pending' }],
        clock,
        revision,
      },
    ],
    clocks: { statutory: clock, suspended: false },
    refusals: [],
    certificates: [],
    history: [],
  },
  tasks: [],
  certificates: [],
});
const task = (caseNo: string) =>
  ({ caseNo, stepId: 'item_FOOD', stepName: '食品经营许可' }) as unknown as InboxTask;
const tasks = [task('YC20261201000001'), task('YC20261201000002')];

describe('BulkApproveModal', () => {
  it('sends each task with the step revision its case showed when the form opened', async () => {
    const fetch = mockFetch(
      fakeResponse(200, details('YC20261201000001', 3)),
      fakeResponse(200, details('YC20261201000002', 0)),
      fakeResponse(200, {
        ok: 1,
        refused: 1,
        items: [
          { caseNo: 'YC20261201000001', stepId: 'item_FOOD', outcome: 'ok' },
          {
            caseNo: 'YC20261201000002',
            stepId: 'item_FOOD',
            outcome: 'refused',
            detail: '此任务在您打开页面后已有变化，本次操作未执行，请刷新后再办理。',
          },
        ],
      }),
    );
    renderWithProviders(<BulkApproveModal tasks={tasks} onClose={jest.fn()} onDone={jest.fn()} />);
    const submit = screen.getByRole('button', { name: /提\s*交/ });
    await waitFor(() => expect(submit.hasAttribute('disabled')).toBe(false));
    fireEvent.change(screen.getByLabelText('审批意见'), { target: { value: '同意' } });
    fireEvent.click(submit);
    expect(await screen.findByText(/此任务在您打开页面后已有变化/)).toBeTruthy();
    const [url, init] = fetch.mock.calls[2] as [string, RequestInit];
    expect(url).toBe('/api/tasks/approve');
    expect(JSON.parse(String(init.body))).toEqual({
      tasks: [
        { caseNo: 'YC20261201000001', stepId: 'item_FOOD', expectedRevision: 3 },
        { caseNo: 'YC20261201000002', stepId: 'item_FOOD', expectedRevision: 0 },
      ],
      comment: '同意',
    });
  });

  it('sends nothing while a case cannot be read, and says which and what to do', async () => {
    const fetch = mockFetch(
      fakeResponse(200, details('YC20261201000001', 3)),
      fakeResponse(
        503,
        { type: 'urn:x', title: 'Down', status: 503, detail: 'Temporal unreachable' },
        'application/problem+json',
      ),
    );
    renderWithProviders(<BulkApproveModal tasks={tasks} onClose={jest.fn()} onDone={jest.fn()} />);
    expect(
      await screen.findByText('无法读取办件 YC20261201000002 的当前状态，不能提交：请刷新页面后重新选择。'),
    ).toBeTruthy();
    const submit = screen.getByRole('button', { name: /提\s*交/ });
    expect(submit.hasAttribute('disabled')).toBe(true);
    fireEvent.click(submit);
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});

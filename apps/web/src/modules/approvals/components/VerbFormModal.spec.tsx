import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeResponse, mockFetch } from '../../../test/fake-fetch';
import { renderWithProviders } from '../../../test/render-with-providers';
import { approverStepSchema } from '../utils/approver-step';
import { VerbFormModal } from './VerbFormModal';

const step = approverStepSchema.parse({
  stepId: 'item_FOOD',
  name: '食品经营许可',
  departmentCode: 'SFS-SCJG',
  status: 'open',
  actions: ['approve', 'refuse'],
  assignees: [{ userId: 'li', status: 'pending' }],
  clock: {
    state: 'running',
    dueDate: '2026-12-21',
    provisional: false,
    remainingWorkingDays: 10,
    elapsedWorkingDays: 0,
    warningLevel: 'normal',
  },
});

const renderForm = (verb: 'refuse' | 'approve', onDone = jest.fn()) =>
  renderWithProviders(
    <VerbFormModal
      caseNo="YC20261201000001"
      verb={verb}
      step={step}
      me="li"
      materials={[]}
      earlierSteps={[]}
      onClose={jest.fn()}
      onDone={onDone}
    />,
  );

describe('VerbFormModal', () => {
  it('refuses to send a refusal without a reason, saying so in Chinese', async () => {
    const fetch = mockFetch();
    renderForm('refuse');
    fireEvent.click(screen.getByRole('button', { name: /提\s*交/ }));
    expect(await screen.findByText('请至少填写或选择 1 项不予许可理由')).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('sends the verb once with an Idempotency-Key and shows the workflow’s refusal with what to do', async () => {
    const fetch = mockFetch(
      fakeResponse(
        409,
        {
          type: 'urn:x',
          title: 'Action refused',
          status: 409,
          detail: 'step "item_FOOD" is already approved',
        },
        'application/problem+json',
      ),
    );
    const onDone = jest.fn();
    renderForm('approve', onDone);
    fireEvent.change(screen.getByLabelText('审批意见'), { target: { value: '同意' } });
    fireEvent.click(screen.getByRole('button', { name: /提\s*交/ }));
    expect(await screen.findByText('工作流未受理此操作')).toBeTruthy();
    expect(screen.getByText(/step "item_FOOD" is already approved/)).toBeTruthy();
    const [url, init] = fetch.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/cases/YC20261201000001/actions');
    // With the step revision the page showed: a stale page is refused by the workflow.
    expect(JSON.parse(String(init.body))).toEqual({
      verb: 'approve',
      stepId: 'item_FOOD',
      comment: '同意',
      expectedRevision: 0,
    });
    expect((init.headers as Record<string, string>)['Idempotency-Key']).toMatch(/^approve-/);
    await waitFor(() => expect(onDone).not.toHaveBeenCalled());
  });
});

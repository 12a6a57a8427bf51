import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeResponse, mockFetch } from '../../../test/fake-fetch';
import { renderWithProviders } from '../../../test/render-with-providers';
import { PublicLookupForm } from './PublicLookupForm';

const issued = {
  caseNo: 'YC20261201000123',
  status: 'issued',
  label: { zh: '已办结', en: 'Completed' },
  updatedAt: '2026-12-01T03:04:05.000Z',
};

async function lookUpIssued() {
  fireEvent.change(screen.getByLabelText(/办件编号/), { target: { value: issued.caseNo } });
  fireEvent.change(screen.getByLabelText(/证件号码后四位/), { target: { value: '002x' } });
  fireEvent.click(screen.getByRole('button', { name: /查询/ }));
  return screen.findByTestId('evaluation-form');
}

describe('好差评 on the public lookup', () => {
  beforeEach(() => window.localStorage.clear());

  it('offers no rating before the case is issued', async () => {
    mockFetch(
      fakeResponse(200, { ...issued, status: 'decided', label: { zh: '已审结，待出件', en: 'Decided' } }),
    );
    renderWithProviders(<PublicLookupForm />);
    fireEvent.change(screen.getByLabelText(/办件编号/), { target: { value: issued.caseNo } });
    fireEvent.change(screen.getByLabelText(/证件号码后四位/), { target: { value: '002X' } });
    fireEvent.click(screen.getByRole('button', { name: /查询/ }));
    await screen.findByTestId('lookup-status');
    expect(screen.queryByTestId('evaluation-form')).toBeNull();
  });

  it('asks for a grade, then sends the grade, aspects and comment with the lookup code and says the 差评 is followed up', async () => {
    const fetchMock = mockFetch(
      fakeResponse(200, issued),
      fakeResponse(201, {
        id: 'e1',
        caseNo: issued.caseNo,
        channel: 'public',
        grade: 2,
        round: 1,
        rectificationOrders: [{ id: 'r1', departmentCode: 'SFS-SCJG', deadline: '2026-12-22' }],
      }),
    );
    renderWithProviders(<PublicLookupForm />);
    await lookUpIssued();
    for (const grade of ['非常满意', '满意', '基本满意', '不满意', '非常不满意'])
      expect(screen.getByRole('radio', { name: grade })).toBeTruthy();
    fireEvent.click(screen.getByTestId('evaluation-submit'));
    expect(await screen.findByText(/请选择评价等级/)).toBeTruthy();
    expect(fetchMock).toHaveBeenCalledTimes(1);

    fireEvent.click(screen.getByRole('radio', { name: '不满意' }));
    fireEvent.click(screen.getByRole('checkbox', { name: '办理流程便捷' }));
    fireEvent.change(screen.getByTestId('evaluation-comment'), { target: { value: ' 跑了两趟 ' } });
    fireEvent.click(screen.getByTestId('evaluation-submit'));
    const done = await screen.findByTestId('evaluation-done');
    expect(done.textContent).toContain('15 个工作日内回访');
    const [url, init] = fetchMock.mock.calls[1] as [string, RequestInit];
    expect(url).toBe(`/api/public/cases/${issued.caseNo}/evaluation`);
    expect(JSON.parse(String(init.body))).toEqual({
      code: '002X',
      grade: 2,
      aspects: ['procedure'],
      comment: '跑了两趟',
    });
  });

  it("shows the API's Chinese refusal of a second rating and keeps the form", async () => {
    mockFetch(
      fakeResponse(200, issued),
      fakeResponse(409, {
        type: 'urn:onewindow:problem:action-refused',
        title: 'Action refused',
        status: 409,
        detail: `办件 ${issued.caseNo} 已通过网上（办件查询）评价过（一事一评，每个渠道只能评价一次）`,
        requestId: 'req-1',
      }),
    );
    renderWithProviders(<PublicLookupForm />);
    await lookUpIssued();
    fireEvent.click(screen.getByRole('radio', { name: '满意' }));
    fireEvent.click(screen.getByTestId('evaluation-submit'));
    await waitFor(() => expect(screen.getByText(/每个渠道只能评价一次/)).toBeTruthy());
    expect(screen.getByTestId('evaluation-form')).toBeTruthy();
  });
});

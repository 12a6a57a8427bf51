import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeResponse, mockFetch } from '../../../test/fake-fetch';
import { renderWithProviders } from '../../../test/render-with-providers';
import { LanguageSwitch } from '../../i18n/components/LanguageSwitch';
import { PublicLookupForm } from './PublicLookupForm';

const answer = {
  caseNo: 'YC20261201000123',
  status: 'in_review',
  label: { zh: '审批中', en: 'Under review' },
  updatedAt: '2026-12-01T03:04:05.000Z',
};
const notFound = {
  type: 'urn:onewindow:problem:not-found',
  title: 'Not found',
  status: 404,
  detail: 'No case matches this case number and code',
  requestId: 'req-1',
};

function fillAndSubmit(caseNo: string, code: string) {
  fireEvent.change(screen.getByLabelText(/办件编号|Case number/), { target: { value: caseNo } });
  fireEvent.change(screen.getByLabelText(/证件号码后四位|Last 4 characters/), { target: { value: code } });
  fireEvent.click(screen.getByRole('button', { name: /查询|Look up/ }));
}

describe('PublicLookupForm', () => {
  beforeEach(() => window.localStorage.clear());

  it('posts the code in the body (never the URL) and shows the status in Chinese, then in English after the switch', async () => {
    const fetchMock = mockFetch(fakeResponse(200, answer));
    renderWithProviders(
      <>
        <LanguageSwitch />
        <PublicLookupForm />
      </>,
    );
    fillAndSubmit(' yc20261201000123 ', '002x');
    const status = await screen.findByTestId('lookup-status');
    expect(status.textContent).toBe('审批中');
    expect(screen.getByTestId('lookup-result').textContent).toContain('YC20261201000123');
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/public/cases/YC20261201000123/status');
    expect(init.method).toBe('POST');
    expect(JSON.parse(String(init.body))).toEqual({ code: '002X' });
    expect(url).not.toContain('002');

    fireEvent.click(screen.getByText('English'));
    await waitFor(() => expect(screen.getByTestId('lookup-status').textContent).toBe('Under review'));
    expect(screen.getByText('Status')).toBeTruthy();
  });

  it('a case stopped for 补正 shows 待补正材料 and what the applicant must do', async () => {
    mockFetch(
      fakeResponse(200, {
        ...answer,
        status: 'awaiting_supplement',
        label: { zh: '待补正材料', en: 'Waiting for your materials (correction asked)' },
        nextStep: { zh: '请按补正通知将所列材料送到综合窗口', en: 'Hand them in at the service window' },
      }),
    );
    renderWithProviders(<PublicLookupForm />);
    fillAndSubmit('YC20261201000123', '002X');
    expect((await screen.findByTestId('lookup-status')).textContent).toBe('待补正材料');
    expect(screen.getByTestId('lookup-next-step').textContent).toBe('请按补正通知将所列材料送到综合窗口');
    expect(screen.getByText('您需要做的')).toBeTruthy();
  });

  it('says no matching case was found for a 404, whatever the reason', async () => {
    mockFetch(fakeResponse(404, notFound, 'application/problem+json'));
    renderWithProviders(<PublicLookupForm />);
    fillAndSubmit('YC20261201000123', '1234');
    const alert = await screen.findByTestId('lookup-not-found');
    expect(alert.textContent).toContain('未查询到相符的办件');
    expect(screen.queryByTestId('lookup-result')).toBeNull();
  });

  it('shows the server’s problem for other failures (rate limit)', async () => {
    mockFetch(
      fakeResponse(
        429,
        {
          ...notFound,
          status: 429,
          title: 'Too many requests',
          detail: 'Too many failed look-ups from your address; wait 15 minutes',
        },
        'application/problem+json',
      ),
    );
    renderWithProviders(<PublicLookupForm />, { language: 'en' });
    fillAndSubmit('YC20261201000123', '1234');
    const alert = await screen.findByTestId('api-error');
    expect(alert.textContent).toContain('Too many failed look-ups');
  });

  it('checks the fields before asking the server', async () => {
    const fetchMock = mockFetch();
    renderWithProviders(<PublicLookupForm />);
    fillAndSubmit('20261201000123', '12');
    expect(await screen.findByText('办件编号为 YC 加 14 位数字')).toBeTruthy();
    expect(await screen.findByText('请输入 4 位数字或字母')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('takes the case number from a printed notice’s QR link (/lookup?case=…), so only the code is typed', async () => {
    const fetchMock = mockFetch(fakeResponse(200, answer));
    renderWithProviders(<PublicLookupForm />, { route: '/lookup?case=YC20261201000123' });
    expect((screen.getByLabelText(/办件编号/) as HTMLInputElement).value).toBe('YC20261201000123');
    fireEvent.change(screen.getByLabelText(/证件号码后四位/), { target: { value: '002X' } });
    fireEvent.click(screen.getByRole('button', { name: /查询/ }));
    await screen.findByTestId('lookup-status');
    expect((fetchMock.mock.calls[0] as [string])[0]).toBe('/api/public/cases/YC20261201000123/status');
  });

  it('ignores a malformed case number in the link', () => {
    renderWithProviders(<PublicLookupForm />, { route: '/lookup?case=<script>' });
    expect((screen.getByLabelText(/办件编号/) as HTMLInputElement).value).toBe('');
  });
});

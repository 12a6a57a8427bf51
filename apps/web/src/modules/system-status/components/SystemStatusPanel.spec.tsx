import { act, screen, waitFor } from '@testing-library/react';
import { fakeResponse, mockFetch } from '../../../test/fake-fetch';
import { renderWithProviders } from '../../../test/render-with-providers';
import { SystemStatusPanel } from './SystemStatusPanel';

const allUp = {
  status: 'ok',
  version: '0.1.0',
  database: { up: true, detail: 'sqlite file:var/onewindow.db', latencyMs: 1.6 },
  temporal: { up: true, detail: '127.0.0.1:7233 namespace default', latencyMs: 12 },
};
const temporalDown = {
  ...allUp,
  status: 'degraded',
  temporal: { up: false, detail: 'connect ECONNREFUSED 127.0.0.1:7233' },
};

const state = (id: string) => screen.getByTestId(`health-${id}`).getAttribute('data-state');

afterEach(() => jest.useRealTimers());

describe('SystemStatusPanel', () => {
  it('shows both dependencies as unknown while the first check runs', () => {
    globalThis.fetch = jest.fn(() => new Promise<Response>(() => undefined)) as unknown as typeof fetch;
    renderWithProviders(<SystemStatusPanel />);
    expect(state('database')).toBe('unknown');
    expect(state('temporal')).toBe('unknown');
    expect(screen.getByText(/正在检查系统状态/)).toBeTruthy();
  });

  it('shows every dependency up with its detail and latency', async () => {
    mockFetch(fakeResponse(200, allUp));
    renderWithProviders(<SystemStatusPanel />);
    await waitFor(() => expect(state('database')).toBe('up'));
    expect(state('temporal')).toBe('up');
    expect(screen.getByTestId('health-database').textContent).toContain('数据库');
    expect(screen.getByTestId('health-database').textContent).toContain('正常');
    expect(screen.getByTestId('health-temporal').textContent).toContain('127.0.0.1:7233 namespace default');
    expect(screen.getByTestId('health-temporal').textContent).toContain('响应 12 毫秒');
    expect(screen.getByTestId('health-overall').textContent).toContain('所有依赖服务运行正常');
  });

  it('shows a 503 answer as degraded, naming what is down', async () => {
    mockFetch(fakeResponse(503, temporalDown));
    renderWithProviders(<SystemStatusPanel />, { language: 'en' });
    await waitFor(() => expect(state('temporal')).toBe('down'));
    expect(state('database')).toBe('up');
    expect(screen.getByTestId('health-temporal').textContent).toContain('Down');
    expect(screen.getByTestId('health-temporal').textContent).toContain('ECONNREFUSED');
    expect(screen.getByTestId('health-overall').getAttribute('data-state')).toBe('degraded');
    expect(screen.queryByTestId('api-error')).toBeNull();
  });

  it('says so when the API cannot be reached, and keeps the dependencies unknown', async () => {
    mockFetch(new TypeError('Failed to fetch'));
    renderWithProviders(<SystemStatusPanel />);
    await waitFor(() => expect(screen.getByTestId('api-error').textContent).toContain('无法连接服务器'));
    expect(state('database')).toBe('unknown');
  });

  it('checks again every 10 seconds', async () => {
    jest.useFakeTimers();
    const fetchMock = mockFetch(fakeResponse(200, allUp), fakeResponse(503, temporalDown));
    renderWithProviders(<SystemStatusPanel />);
    await waitFor(() => expect(state('temporal')).toBe('up'));
    expect(fetchMock).toHaveBeenCalledTimes(1);

    await act(async () => {
      jest.advanceTimersByTime(10_000);
    });
    await waitFor(() => expect(state('temporal')).toBe('down'));
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(fetchMock.mock.calls[1][0]).toBe('/api/health');
  });
});

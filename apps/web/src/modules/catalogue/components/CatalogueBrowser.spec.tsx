import { screen, waitFor } from '@testing-library/react';
import { fakeResponse } from '../../../test/fake-fetch';
import { renderWithProviders } from '../../../test/render-with-providers';
import { CatalogueBrowser } from './CatalogueBrowser';

const item = {
  itemKey: '11379900MB1000101Y3000110001000',
  implementationCode: '11379900MB1000101Y3000110001000',
  handlingItemCode: null,
  basicCode: '000110001000',
  name: '企业设立登记',
  itemType: '01',
  departmentCode: 'SCJG',
  departmentName: '示范市市场监督管理局',
  statutoryLimit: { value: 3, unit: 'working_day' },
  promisedLimit: { value: 1, unit: 'working_day' },
  onTheSpot: false,
  version: 1,
};

function routeFetch(items: unknown[]): jest.Mock {
  const mock = jest.fn(async (url: string) => {
    if (url.startsWith('/api/catalogue/departments'))
      return fakeResponse(200, {
        departments: [{ code: 'SCJG', name: '示范市市场监督管理局', parentCode: null, regionCode: '379900' }],
      });
    if (url.startsWith('/api/catalogue/items'))
      return fakeResponse(200, { total: items.length, page: 1, pageSize: 20, items });
    return fakeResponse(
      404,
      { type: 'about:blank', title: 'Not found', status: 404, detail: url },
      'application/problem+json',
    );
  });
  globalThis.fetch = mock as unknown as typeof fetch;
  return mock;
}

describe('CatalogueBrowser', () => {
  it('searches with the filters from the URL and lists the items with their limits', async () => {
    const fetchMock = routeFetch([item]);
    renderWithProviders(<CatalogueBrowser />, { route: '/catalogue?q=企业&type=01' });
    await screen.findByText('企业设立登记');
    const searchCall = fetchMock.mock.calls
      .map(([url]) => String(url))
      .find((url) => url.startsWith('/api/catalogue/items'));
    expect(searchCall).toBe('/api/catalogue/items?q=%E4%BC%81%E4%B8%9A&type=01&page=1&pageSize=20');
    const table = screen.getByTestId('catalogue-table');
    expect(table.textContent).toContain('示范市市场监督管理局');
    expect(table.textContent).toContain('行政许可');
    expect(table.textContent).toContain('3 个工作日');
    expect(document.body.textContent).toContain('共 1 项');
  });

  it('says when nothing matches instead of showing an empty grid', async () => {
    routeFetch([]);
    renderWithProviders(<CatalogueBrowser />, { route: '/catalogue?q=不存在' });
    await waitFor(() =>
      expect(screen.getByTestId('catalogue-table').textContent).toContain('没有符合条件的事项'),
    );
  });
});

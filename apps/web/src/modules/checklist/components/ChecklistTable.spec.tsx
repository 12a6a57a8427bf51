import { screen, within } from '@testing-library/react';
import type { ChecklistResponse } from '@onewindow/contracts';
import { renderWithProviders } from '../../../test/render-with-providers';
import { ChecklistSummary } from './ChecklistSummary';
import { ChecklistTable } from './ChecklistTable';

const need = (itemCode: string) => ({
  itemCode,
  necessity: 'required' as const,
  form: 'copy' as const,
  originals: 0,
  copies: 1,
});

const checklist: ChecklistResponse = {
  asOf: '2026-11-22',
  applicantCode: '379902199002284153',
  applicantName: '陈晨',
  certificatesOnFile: 1,
  itemCodes: ['ITEM-A', 'ITEM-B'],
  entries: [
    {
      code: 'SM001',
      name: '居民身份证',
      kind: 'certificate',
      source: 'department',
      certificateTypeCode: '11100000000013338W001',
      form: 'copy',
      originals: 0,
      copies: 1,
      necessity: 'required',
      neededBy: [need('ITEM-A'), need('ITEM-B')],
      satisfiedBy: { kind: 'certificate_on_file', identifier: 'CERT-1', validUntil: '2040-02-28' },
    },
    {
      code: 'SM101',
      name: '企业设立登记申请书',
      kind: 'form',
      source: 'applicant',
      form: 'original',
      originals: 1,
      copies: 0,
      necessity: 'required',
      neededBy: [need('ITEM-A')],
    },
  ],
  counts: {
    requirementsListed: 3,
    distinctMaterials: 2,
    submissionsRequired: 1,
    submissionsOptional: 0,
    savedByMerging: 1,
    savedByReuse: 1,
    submissionsSaved: 2,
  },
};

describe('ChecklistTable', () => {
  it('lists each material once with the items that need it and marks certificates on file 免提交', () => {
    renderWithProviders(
      <ChecklistTable
        checklist={checklist}
        itemNames={{ 'ITEM-A': '企业设立登记', 'ITEM-B': '公章刻制备案' }}
      />,
    );
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    const [idCard, form] = rows;
    expect(idCard.textContent).toContain('企业设立登记');
    expect(idCard.textContent).toContain('公章刻制备案');
    expect(within(idCard).getByTestId('waived-tag').textContent).toContain('免提交');
    expect(idCard.textContent).toContain('在库证照 CERT-1 可用，有效期至 2040-02-28');
    expect(within(form).queryByTestId('waived-tag')).toBeNull();
    expect(form.textContent).toContain('需提交');
    expect(form.textContent).toContain('原件 1 份 · 复印件 0 份');
  });

  it('shows the submissions still required and saved', () => {
    renderWithProviders(<ChecklistSummary checklist={checklist} />, { language: 'en' });
    expect(screen.getByTestId('count-required').textContent).toContain('1');
    expect(screen.getByTestId('count-saved').textContent).toContain('2');
    expect(screen.getByTestId('checklist-counts').textContent).toContain(
      'Applicant: 陈晨 (1 certificates on file)',
    );
  });
});

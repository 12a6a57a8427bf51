import { AutoComplete, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DemoApplicant } from '../api/checklist.api';

interface ApplicantPickerProps {
  value: string | undefined;
  onChange: (idNumber: string | undefined) => void;
  applicants: DemoApplicant[] | undefined;
}

/** The applicant's ID number: picked from the demo applicants or typed. */
export function ApplicantPicker({ value, onChange, applicants }: ApplicantPickerProps) {
  const { t } = useTranslation();
  const chosen = applicants?.find((applicant) => applicant.idNumber === value);
  return (
    <>
      <AutoComplete
        aria-label={t('checklist.applicant')}
        placeholder={t('checklist.applicantPlaceholder')}
        value={value}
        allowClear
        onChange={(next?: string) => onChange(next?.trim() ? next.trim().toUpperCase() : undefined)}
        options={(applicants ?? []).map((applicant) => ({
          value: applicant.idNumber,
          label: (
            <div>
              <div>
                {applicant.name} <Typography.Text type="secondary">{applicant.idNumber}</Typography.Text>
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {applicant.note}
              </Typography.Text>
            </div>
          ),
        }))}
        style={{ width: '100%' }}
        data-testid="checklist-applicant"
      />
      {chosen && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="checklist-applicant-chosen">
          {chosen.name} · {chosen.note}
        </Typography.Text>
      )}
    </>
  );
}

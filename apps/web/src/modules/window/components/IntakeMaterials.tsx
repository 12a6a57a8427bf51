import { Button, Checkbox, DatePicker, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import type { ChecklistResponse } from '@onewindow/contracts';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { asRequired, initialMark, type MaterialMark } from '../utils/intake-request';
import { centreToday } from '../../../ui/centre-day';

type Entry = ChecklistResponse['entries'][number];

interface IntakeMaterialsProps {
  checklist: ChecklistResponse;
  itemNames: Record<string, string>;
  marks: Record<string, MaterialMark>;
  onMark: (code: string, mark: MaterialMark) => void;
  onAllAsRequired: () => void;
}

const necessityColours: Record<string, string> = {
  required: 'red',
  tolerated_missing: 'orange',
  optional: 'default',
};

/**
 * 收件: each material of the merged checklist once, marked by the clerk — received (paper originals and
 * copies, electronic), 免提交 (a certificate on file, with its number and validity), 容缺 (only where the
 * catalogue allows it, with the date the applicant commits to), or not received.
 */
export function IntakeMaterials({
  checklist,
  itemNames,
  marks,
  onMark,
  onAllAsRequired,
}: IntakeMaterialsProps) {
  const { t } = useTranslation();
  const markOf = (e: Entry) => marks[e.code] ?? initialMark(e);
  const statusOptions = (e: Entry) => [
    { value: 'received', label: t('window.materials.status.received') },
    ...(e.satisfiedBy?.kind === 'certificate_on_file'
      ? [{ value: 'on_file', label: t('window.materials.status.on_file') }]
      : []),
    ...(e.necessity === 'tolerated_missing'
      ? [{ value: 'tolerated', label: t('window.materials.status.tolerated') }]
      : []),
    { value: 'missing', label: t('window.materials.status.missing') },
  ];
  const setStatus = (e: Entry, status: MaterialMark['status']) =>
    onMark(
      e.code,
      status === 'received'
        ? asRequired(e)
        : status === 'tolerated'
          ? { status, dueDate: undefined }
          : { status },
    );

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Button onClick={onAllAsRequired} data-testid="mark-all-received">
          {t('window.materials.allAsRequired')}
        </Button>
        <Typography.Text type="secondary">
          {t('window.materials.summary', {
            total: checklist.entries.length,
            saved: checklist.counts.submissionsSaved,
          })}
        </Typography.Text>
      </Space>
      <Table<Entry>
        data-testid="intake-materials"
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={checklist.entries}
        columns={[
          {
            title: t('window.materials.columns.material'),
            key: 'name',
            render: (_, e) => (
              <>
                <div>{e.name}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {e.code} · {e.neededBy.map((n) => itemNames[n.itemCode] ?? n.itemCode).join('、')}
                </Typography.Text>
              </>
            ),
          },
          {
            title: t('window.materials.columns.necessity'),
            dataIndex: 'necessity',
            width: 110,
            render: (n: string) => (
              <Tag color={necessityColours[n]}>
                {t(`window.materials.necessity.${n}`, { defaultValue: n })}
              </Tag>
            ),
          },
          {
            title: t('window.materials.columns.status'),
            key: 'status',
            width: 150,
            render: (_, e) => (
              <Select
                size="small"
                style={{ width: 130 }}
                aria-label={t('window.materials.statusOf', { name: e.name })}
                value={markOf(e).status}
                options={statusOptions(e)}
                onChange={(status) => setStatus(e, status)}
              />
            ),
          },
          {
            title: t('window.materials.columns.detail'),
            key: 'detail',
            render: (_, e) => {
              const mark = markOf(e);
              switch (mark.status) {
                case 'received':
                  return (
                    <Space size="small" wrap>
                      <span>{t('window.materials.originals')}</span>
                      <InputNumber
                        size="small"
                        min={0}
                        max={99}
                        value={mark.originals}
                        aria-label={t('window.materials.originalsOf', { name: e.name })}
                        onChange={(v) => onMark(e.code, { ...mark, originals: v ?? 0 })}
                      />
                      <span>{t('window.materials.copies')}</span>
                      <InputNumber
                        size="small"
                        min={0}
                        max={99}
                        value={mark.copies}
                        aria-label={t('window.materials.copiesOf', { name: e.name })}
                        onChange={(v) => onMark(e.code, { ...mark, copies: v ?? 0 })}
                      />
                      <Checkbox
                        checked={mark.electronic}
                        onChange={(ev) => onMark(e.code, { ...mark, electronic: ev.target.checked })}
                      >
                        {t('window.materials.electronic')}
                      </Checkbox>
                    </Space>
                  );
                case 'on_file':
                  return e.satisfiedBy?.kind === 'certificate_on_file' ? (
                    <Typography.Text type="success">
                      {t('window.materials.onFile', {
                        number: e.satisfiedBy.identifier,
                        validUntil: e.satisfiedBy.validUntil ?? t('window.materials.noExpiry'),
                      })}
                    </Typography.Text>
                  ) : null;
                case 'tolerated':
                  return (
                    <Space size="small">
                      <span>{t('window.materials.dueDate')}</span>
                      <DatePicker
                        size="small"
                        aria-label={t('window.materials.dueDateOf', { name: e.name })}
                        value={mark.dueDate ? dayjs(mark.dueDate) : null}
                        disabledDate={(d) => d.isBefore(centreToday(), 'day')}
                        onChange={(d) =>
                          onMark(e.code, { status: 'tolerated', dueDate: d?.format('YYYY-MM-DD') })
                        }
                      />
                    </Space>
                  );
                case 'missing':
                  return e.necessity === 'optional' ? (
                    <Typography.Text type="secondary">
                      {t('window.materials.optionalMissing')}
                    </Typography.Text>
                  ) : (
                    <Typography.Text type="danger">{t('window.materials.requiredMissing')}</Typography.Text>
                  );
              }
            },
          },
        ]}
      />
    </Space>
  );
}

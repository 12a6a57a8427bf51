import { Button, Col, Flex, Form, Row, Segmented, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CatalogueBundle } from '../../catalogue/api/catalogue.api';
import type { DemoApplicant } from '../api/checklist.api';
import { ApplicantPicker } from './ApplicantPicker';
import { ItemPicker } from './ItemPicker';

export type PickMode = 'items' | 'bundle';

export interface ChecklistSelection {
  mode: PickMode;
  itemKeys: string[];
  bundleCode: string | undefined;
  applicantIdNumber: string | undefined;
}

interface ChecklistPickerProps {
  selection: ChecklistSelection;
  onChange: (selection: ChecklistSelection, itemNames?: Record<string, string>) => void;
  bundles: CatalogueBundle[] | undefined;
  applicants: DemoApplicant[] | undefined;
  loading: boolean;
  onPreview: () => void;
  onClear: () => void;
}

export function ChecklistPicker({
  selection,
  onChange,
  bundles,
  applicants,
  loading,
  onPreview,
  onClear,
}: ChecklistPickerProps) {
  const { t } = useTranslation();
  const bundle = bundles?.find((b) => b.code === selection.bundleCode);
  const ready =
    selection.mode === 'items' ? selection.itemKeys.length > 0 : selection.bundleCode !== undefined;

  return (
    <Form layout="vertical" onFinish={onPreview} data-testid="checklist-picker">
      <Row gutter={16} align="top">
        <Col xs={24} lg={4}>
          <Form.Item label={t('checklist.mode')}>
            <Segmented<PickMode>
              value={selection.mode}
              onChange={(mode) => onChange({ ...selection, mode })}
              options={[
                { value: 'items', label: t('checklist.byItems') },
                { value: 'bundle', label: t('checklist.byBundle') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} lg={9}>
          {selection.mode === 'items' ? (
            <Form.Item label={t('checklist.items')} required>
              <ItemPicker
                value={selection.itemKeys}
                onChange={(itemKeys, names) => onChange({ ...selection, itemKeys }, names)}
              />
            </Form.Item>
          ) : (
            <Form.Item
              label={t('checklist.bundle')}
              required
              extra={
                bundle &&
                [
                  t('checklist.bundleItems', { count: bundle.items.filter((i) => !i.optional).length }),
                  bundle.description,
                ]
                  .filter(Boolean)
                  .join(' · ')
              }
            >
              <Select
                aria-label={t('checklist.bundle')}
                placeholder={t('checklist.bundlePlaceholder')}
                value={selection.bundleCode}
                onChange={(bundleCode?: string) => onChange({ ...selection, bundleCode })}
                allowClear
                options={(bundles ?? []).map((b) => ({ value: b.code, label: b.name }))}
                data-testid="checklist-bundle"
              />
            </Form.Item>
          )}
        </Col>
        <Col xs={24} lg={5}>
          <Form.Item label={t('checklist.applicant')} extra={t('checklist.applicantHint')}>
            <ApplicantPicker
              value={selection.applicantIdNumber}
              applicants={applicants}
              onChange={(applicantIdNumber) => onChange({ ...selection, applicantIdNumber })}
            />
          </Form.Item>
        </Col>
        <Col xs={24} lg={6}>
          <Form.Item label={<Typography.Text type="secondary">&nbsp;</Typography.Text>} colon={false}>
            <Flex gap={8}>
              <Button
                type="primary"
                htmlType="submit"
                loading={loading}
                disabled={!ready}
                data-testid="checklist-preview"
              >
                {t('checklist.preview')}
              </Button>
              <Button onClick={onClear}>{t('checklist.clear')}</Button>
            </Flex>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}

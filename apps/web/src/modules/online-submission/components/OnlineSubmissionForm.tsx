import { useEffect, useState } from 'react';
import { Button, Card, Col, Form, Result, Row, Segmented, Select, Space, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { SubmissionReceipt } from '@onewindow/contracts';
import { ApiErrorAlert } from '../../api-client/components/ApiErrorAlert';
import { useFormFieldProblems } from '../../api-client/hooks/use-form-field-problems';
import { useSubmission } from '../../api-client/hooks/use-submission';
import { newIdempotencyKey } from '../../approvals/utils/idempotency-key';
import { useBundles } from '../../catalogue/hooks/use-bundles';
import { ItemPicker } from '../../checklist/components/ItemPicker';
import { ApplicantFields, applicantField } from '../../window/components/ApplicantFields';
import type { ApplicantValues } from '../../window/utils/intake-request';
import { submitOnline } from '../api/online-submission.api';
import { DeclaredMaterials, useItemMaterials, type Declarations } from './DeclaredMaterials';
import { centreTime } from '../../../ui/centre-day';

type PickMode = 'items' | 'bundle';

/**
 * 网上申报 (public, no sign-in): the items or a bundle (一件事), the materials the applicant hands in (from the
 * public service guide; required ones ticked), the applicant (checked as typed, as at the window; the optional
 * e-mail is where the applicant's messages go), then the
 * submission number, the last day of the window's pre-review and the link to the status look-up. One
 * Idempotency-Key per form: a double click or a retry makes one submission.
 */
export function OnlineSubmissionForm() {
  const { t } = useTranslation();
  const [form] = Form.useForm<ApplicantValues>();
  const bundles = useBundles();
  const [mode, setMode] = useState<PickMode>('items');
  const [itemKeys, setItemKeys] = useState<string[]>([]);
  const [bundleCode, setBundleCode] = useState<string>();
  const [declared, setDeclared] = useState<Declarations>({});
  const [key, setKey] = useState(() => newIdempotencyKey('apply'));
  const [receipt, setReceipt] = useState<SubmissionReceipt>();
  const { pending, error, run } = useSubmission();
  // The request names the applicant's fields under `applicant.`; the form has them at its top.
  const shownOnForm = useFormFieldProblems(form, error, applicantField);

  const bundle = (bundles.data ?? []).find((b) => b.code === bundleCode);
  const keys =
    mode === 'items' ? itemKeys : (bundle?.items.filter((i) => !i.optional).map((i) => i.itemCode) ?? []);
  const { materials, error: materialsError } = useItemMaterials(keys);

  // A new list: the required materials come ticked, electronic.
  useEffect(() => {
    if (!materials) return;
    setDeclared(
      Object.fromEntries(
        materials.map((m) => [m.code, { included: m.necessity === 'required', form: 'electronic' as const }]),
      ),
    );
  }, [materials]);

  const submit = async () => {
    const applicant = await form.validateFields().catch(() => undefined);
    if (!applicant || keys.length === 0) return;
    const answer = await run(() =>
      submitOnline(
        {
          items: keys.map((implementationCode) => ({ implementationCode })),
          ...(mode === 'bundle' && bundleCode ? { bundleCode } : {}),
          applicant: {
            kind: applicant.kind,
            idNumber: applicant.idNumber.trim().toUpperCase(),
            name: applicant.name.trim(),
            ...(applicant.phone?.trim() ? { phone: applicant.phone.trim() } : {}),
            ...(applicant.email?.trim() ? { email: applicant.email.trim() } : {}),
          },
          materials: Object.entries(declared)
            .filter(([, d]) => d.included)
            .map(([materialCode, d]) => ({ materialCode, form: d.form })),
        },
        key,
      ),
    );
    if (answer) setReceipt(answer);
  };

  const another = () => {
    form.resetFields();
    setItemKeys([]);
    setBundleCode(undefined);
    setReceipt(undefined);
    setKey(newIdempotencyKey('apply'));
  };

  if (receipt)
    return (
      <Card data-testid="submission-receipt">
        <Result
          status="success"
          title={t('onlineSubmission.submitted.title', { submissionNo: receipt.submissionNo })}
          subTitle={t('onlineSubmission.submitted.subtitle', {
            receivedAt: centreTime(receipt.receivedAt),
            deadline: receipt.deadline,
          })}
          extra={[
            <Link key="status" to={receipt.lookupPath}>
              <Button type="primary">{t('onlineSubmission.submitted.status')}</Button>
            </Link>,
            <Button key="another" onClick={another}>
              {t('onlineSubmission.submitted.another')}
            </Button>,
          ]}
        />
      </Card>
    );

  return (
    <Space
      orientation="vertical"
      size="middle"
      style={{ width: '100%' }}
      data-testid="online-submission-form"
    >
      <Card size="small" title={t('onlineSubmission.pickTitle')}>
        <Row gutter={16}>
          <Col xs={24} lg={6}>
            <Segmented<PickMode>
              value={mode}
              onChange={setMode}
              options={[
                { value: 'items', label: t('onlineSubmission.byItems') },
                { value: 'bundle', label: t('onlineSubmission.byBundle') },
              ]}
            />
          </Col>
          <Col xs={24} lg={18}>
            {mode === 'items' ? (
              <ItemPicker value={itemKeys} onChange={(next) => setItemKeys(next)} />
            ) : (
              <Select
                style={{ width: '100%' }}
                aria-label={t('onlineSubmission.bundle')}
                placeholder={t('onlineSubmission.bundlePlaceholder')}
                showSearch={{ optionFilterProp: 'label' }}
                value={bundleCode}
                loading={bundles.loading}
                options={(bundles.data ?? []).map((b) => ({ value: b.code, label: b.name }))}
                onChange={setBundleCode}
              />
            )}
          </Col>
        </Row>
      </Card>
      <Card size="small" title={t('onlineSubmission.materialsTitle')}>
        {keys.length === 0 ? (
          <Typography.Text type="secondary">{t('onlineSubmission.pickFirst')}</Typography.Text>
        ) : materialsError !== undefined ? (
          <ApiErrorAlert error={materialsError} />
        ) : materials ? (
          <DeclaredMaterials materials={materials} value={declared} onChange={setDeclared} />
        ) : (
          <Typography.Text type="secondary">{t('onlineSubmission.materialsLoading')}</Typography.Text>
        )}
      </Card>
      <Card size="small" title={t('onlineSubmission.applicantTitle')}>
        <Form form={form} layout="vertical" data-testid="online-applicant">
          <ApplicantFields />
        </Form>
        {error !== undefined && <ApiErrorAlert error={error} shownOnForm={shownOnForm} />}
        <Button
          type="primary"
          icon={<SendOutlined />}
          loading={pending}
          disabled={keys.length === 0}
          onClick={() => void submit()}
        >
          {t('onlineSubmission.submit')}
        </Button>
      </Card>
    </Space>
  );
}

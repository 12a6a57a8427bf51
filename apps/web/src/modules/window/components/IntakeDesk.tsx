import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  Form,
  Input,
  Result,
  Row,
  Segmented,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import {
  FileDoneOutlined,
  FileExclamationOutlined,
  StopOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import type { AcceptedCaseResponse, ChecklistResponse, WindowCorrectionEntry } from '@onewindow/contracts';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../api-client/components/ApiErrorAlert';
import { useFormFieldProblems } from '../../api-client/hooks/use-form-field-problems';
import { useSubmission } from '../../api-client/hooks/use-submission';
import { newIdempotencyKey } from '../../approvals/utils/idempotency-key';
import { useBundles } from '../../catalogue/hooks/use-bundles';
import { previewChecklist } from '../../checklist/api/checklist.api';
import { ItemPicker } from '../../checklist/components/ItemPicker';
import { useItemNames } from '../../checklist/hooks/use-item-names';
import { CaseDocumentList } from '../../documents/components/CaseDocumentList';
import { acceptApplication } from '../api/window.api';
import {
  acceptRequest,
  asRequired,
  intakeBlockers,
  type ApplicantValues as Applicant,
  type MaterialMark,
} from '../utils/intake-request';
import { ApplicantFields, applicantField } from './ApplicantFields';
import { CorrectionNoticeModal } from './CorrectionNoticeModal';
import { IntakeMaterials } from './IntakeMaterials';
import { IntakeRefusalModal } from './IntakeRefusalModal';
import { useRefreshCounters } from './WindowCounters';

type PickMode = 'items' | 'bundle';
/** The applicant, and the number of an application that got a one-time notice (补正后受理). */
type IntakeValues = Applicant & { applicationNo?: string };

/**
 * 收件 at the window: the items or a bundle (一件事), the applicant (checked as typed), the merged checklist
 * worked through material by material, then 受理 (or 容缺受理 when a tolerable material is missing), or a
 * 一次性告知书 listing every required material still missing (the application keeps its number and is accepted
 * later under it: 补正后受理 with the number from the notice), or 不予受理 with its reason. One
 * Idempotency-Key per application: a double click or a retried request makes one case. After acceptance,
 * the case number and its documents (the 受理通知书 to print). `resume`: an application with a one-time notice
 * opened from 补正待收, prefilled (items, applicant, its number) but for the identity number, which the clerk
 * checks against the applicant at the counter.
 */
export function IntakeDesk({
  resume,
  onNext,
}: {
  resume?: WindowCorrectionEntry;
  /** The clerk moves on to the next applicant (the workspace forgets the application it opened). */
  onNext?: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<IntakeValues>();
  const bundles = useBundles();
  const [mode, setMode] = useState<PickMode>(resume?.bundleCode ? 'bundle' : 'items');
  const [itemKeys, setItemKeys] = useState<string[]>(() =>
    resume && !resume.bundleCode ? resume.items.map((i) => i.itemKey) : [],
  );
  const [bundleCode, setBundleCode] = useState<string | undefined>(resume?.bundleCode ?? undefined);
  const [pickedNames, setPickedNames] = useState<Record<string, string>>(() =>
    Object.fromEntries((resume?.items ?? []).map((i) => [i.itemKey, i.name])),
  );
  const [checklist, setChecklist] = useState<ChecklistResponse>();
  const [marks, setMarks] = useState<Record<string, MaterialMark>>({});
  const [key, setKey] = useState(() => newIdempotencyKey('intake'));
  const { pending, error, run } = useSubmission();
  // The request names the applicant's fields under `applicant.`; the form has them at its top.
  const shownOnForm = useFormFieldProblems(form, error, applicantField);
  const refreshCounters = useRefreshCounters();
  const [accepted, setAccepted] = useState<AcceptedCaseResponse>();
  const [deciding, setDeciding] = useState<'notice' | 'refusal'>();
  /** An outcome other than acceptance: the application's number and which document it got. */
  const [ended, setEnded] = useState<{ outcome: 'notice' | 'refusal'; caseNo: string }>();
  const itemNames = useItemNames(checklist?.itemCodes ?? [], pickedNames);
  const picked = mode === 'items' ? itemKeys.length > 0 : bundleCode !== undefined;

  const loadChecklist = async () => {
    const applicant = await form.validateFields().catch(() => undefined);
    if (!applicant) return;
    const list = await run(() =>
      previewChecklist({
        itemKeys: mode === 'items' ? itemKeys : [],
        ...(mode === 'bundle' ? { bundleCode } : {}),
        applicantIdNumber: applicant.idNumber.trim().toUpperCase(),
      }),
    );
    if (!list) return;
    setChecklist(list);
    setMarks({});
  };

  const blockers = checklist ? intakeBlockers(checklist.entries, marks) : undefined;
  const tolerated = Object.values(marks).some((m) => m.status === 'tolerated');
  const ready =
    blockers !== undefined &&
    blockers.missingRequired.length === 0 &&
    blockers.toleratedWithoutDate.length === 0;

  const accept = async () => {
    if (!checklist || !ready) return;
    const applicant = await form.validateFields().catch(() => undefined);
    if (!applicant) return;
    const applicationNo = applicant.applicationNo?.trim().toUpperCase();
    const answer = await run(() =>
      acceptApplication(
        {
          ...acceptRequest(checklist, mode === 'bundle' ? bundleCode : undefined, applicant, marks),
          ...(applicationNo ? { applicationNo } : {}),
        },
        key,
      ),
    );
    if (answer) setAccepted(answer);
    refreshCounters();
  };

  /** The application as received so far (for an outcome other than acceptance). */
  const applicationSoFar = (list: ChecklistResponse) => {
    const { acceptanceMode: _mode, ...application } = acceptRequest(
      list,
      mode === 'bundle' ? bundleCode : undefined,
      form.getFieldsValue(true) as Applicant,
      marks,
    );
    return application;
  };

  /**
   * The number of the application this visit completes (back from a one-time notice, 补正待收): a further notice
   * or a refusal goes to the same application and keeps its number.
   */
  const applicationNoOf = (): { applicationNo?: string } => {
    const no = (form.getFieldValue('applicationNo') as string | undefined)?.trim().toUpperCase();
    return no ? { applicationNo: no } : {};
  };

  const nextApplicant = () => {
    form.resetFields();
    setItemKeys([]);
    setBundleCode(undefined);
    setChecklist(undefined);
    setMarks({});
    setAccepted(undefined);
    setEnded(undefined);
    setKey(newIdempotencyKey('intake'));
    onNext?.();
  };

  if (ended)
    return (
      <Card data-testid={ended.outcome === 'notice' ? 'intake-noticed' : 'intake-refused'}>
        <Result
          status={ended.outcome === 'notice' ? 'info' : 'warning'}
          title={t(`window.ended.${ended.outcome}.title`, { caseNo: ended.caseNo })}
          subTitle={t(`window.ended.${ended.outcome}.subtitle`)}
          extra={
            <Button type="primary" onClick={nextApplicant}>
              {t('window.accepted.next')}
            </Button>
          }
        />
        <Typography.Title level={5}>{t('documents.title')}</Typography.Title>
        <CaseDocumentList caseNo={ended.caseNo} />
      </Card>
    );

  if (accepted)
    return (
      <Card data-testid="intake-accepted">
        <Result
          status="success"
          title={t('window.accepted.title', { caseNo: accepted.caseNo })}
          subTitle={t('window.accepted.subtitle', {
            items: accepted.items.map((i) => i.name).join('、'),
            statutory: accepted.limits.statutory.value,
            promised: accepted.limits.promised?.value ?? '—',
          })}
          extra={
            <Button type="primary" onClick={nextApplicant}>
              {t('window.accepted.next')}
            </Button>
          }
        />
        <Typography.Title level={5}>{t('documents.title')}</Typography.Title>
        <CaseDocumentList caseNo={accepted.caseNo} untilIssued />
      </Card>
    );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={t('window.intake.pickTitle')}>
        {resume && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="intake-resume"
            title={t('window.corrections.intakeHint')}
            description={resume.asked.join('；')}
          />
        )}
        <Form
          form={form}
          layout="vertical"
          data-testid="intake-form"
          onValuesChange={() => setChecklist(undefined)}
          initialValues={
            resume
              ? { kind: resume.applicantKind, name: resume.applicantName, applicationNo: resume.caseNo }
              : undefined
          }
        >
          <Row gutter={16}>
            <Col xs={24} lg={5}>
              <Form.Item label={t('window.intake.mode')}>
                <Segmented<PickMode>
                  value={mode}
                  onChange={(next) => {
                    setMode(next);
                    setChecklist(undefined);
                  }}
                  options={[
                    { value: 'items', label: t('window.intake.byItems') },
                    { value: 'bundle', label: t('window.intake.byBundle') },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={24} lg={19}>
              {mode === 'items' ? (
                <Form.Item label={t('window.intake.items')} required>
                  <ItemPicker
                    value={itemKeys}
                    onChange={(keys, names) => {
                      setItemKeys(keys);
                      setPickedNames((current) => ({ ...current, ...names }));
                      setChecklist(undefined);
                    }}
                  />
                </Form.Item>
              ) : (
                <Form.Item label={t('window.intake.bundle')} required>
                  <Select
                    aria-label={t('window.intake.bundle')}
                    placeholder={t('window.intake.bundlePlaceholder')}
                    showSearch={{ optionFilterProp: 'label' }}
                    value={bundleCode}
                    loading={bundles.loading}
                    options={(bundles.data ?? []).map((b) => ({ value: b.code, label: b.name }))}
                    onChange={(code) => {
                      setBundleCode(code);
                      setChecklist(undefined);
                    }}
                  />
                </Form.Item>
              )}
            </Col>
          </Row>
          <ApplicantFields />
          <Form.Item
            name="applicationNo"
            label={t('window.intake.applicationNo')}
            extra={t('window.intake.applicationNoHint')}
            rules={[{ pattern: /^\s*[Yy][Cc]\d{14}\s*$/, message: t('window.intake.applicationNoFormat') }]}
            style={{ maxWidth: 420 }}
          >
            <Input allowClear autoComplete="off" />
          </Form.Item>
          <Button
            icon={<UnorderedListOutlined />}
            disabled={!picked}
            loading={pending && !checklist}
            onClick={() => void loadChecklist()}
            data-testid="load-checklist"
          >
            {t('window.intake.loadChecklist')}
          </Button>
        </Form>
      </Card>
      {error !== undefined && <ApiErrorAlert error={error} shownOnForm={shownOnForm} />}
      {checklist && (
        <Card
          size="small"
          title={
            <Space>
              {t('window.intake.materialsTitle')}
              {checklist.itemCodes.map((code) => (
                <Tag key={code} color="blue">
                  {itemNames[code] ?? code}
                </Tag>
              ))}
            </Space>
          }
        >
          <IntakeMaterials
            checklist={checklist}
            itemNames={itemNames}
            marks={marks}
            onMark={(code, mark) => setMarks((current) => ({ ...current, [code]: mark }))}
            onAllAsRequired={() =>
              setMarks((current) =>
                Object.fromEntries(
                  checklist.entries.map((e) => {
                    const mark = current[e.code];
                    const keep = mark && mark.status !== 'missing';
                    const onFile = !mark && e.satisfiedBy?.kind === 'certificate_on_file';
                    return [e.code, keep ? mark : onFile ? { status: 'on_file' as const } : asRequired(e)];
                  }),
                ),
              )
            }
          />
          <Space orientation="vertical" style={{ width: '100%', marginTop: 16 }}>
            {blockers && blockers.missingRequired.length > 0 && (
              <Alert
                type="warning"
                showIcon
                data-testid="intake-blockers"
                title={t('window.intake.missingRequired', {
                  n: blockers.missingRequired.length,
                  names: blockers.missingRequired.map((e) => e.name).join('、'),
                })}
              />
            )}
            {blockers && blockers.toleratedWithoutDate.length > 0 && (
              <Alert
                type="warning"
                showIcon
                title={t('window.intake.toleratedWithoutDate', {
                  names: blockers.toleratedWithoutDate.map((e) => e.name).join('、'),
                })}
              />
            )}
            <Space>
              <Button
                type="primary"
                size="large"
                icon={<FileDoneOutlined />}
                disabled={!ready}
                loading={pending}
                onClick={() => void accept()}
                data-testid="accept-application"
              >
                {tolerated ? t('window.intake.acceptTolerated') : t('window.intake.accept')}
              </Button>
              {blockers && blockers.missingRequired.length > 0 && (
                <Button
                  size="large"
                  icon={<FileExclamationOutlined />}
                  onClick={() => setDeciding('notice')}
                  data-testid="issue-correction-notice"
                >
                  {t('window.intake.correctionNotice')}
                </Button>
              )}
              <Button
                size="large"
                danger
                icon={<StopOutlined />}
                onClick={() => setDeciding('refusal')}
                data-testid="refuse-application"
              >
                {t('window.intake.refuse')}
              </Button>
            </Space>
          </Space>
        </Card>
      )}
      {deciding === 'notice' && checklist && blockers && (
        <CorrectionNoticeModal
          missing={blockers.missingRequired}
          application={{ ...applicationSoFar(checklist), ...applicationNoOf() }}
          idempotencyKey={key}
          onClose={() => setDeciding(undefined)}
          onIssued={({ caseNo }) => {
            setDeciding(undefined);
            setEnded({ outcome: 'notice', caseNo });
            refreshCounters();
          }}
        />
      )}
      {deciding === 'refusal' && checklist && (
        <IntakeRefusalModal
          application={{ ...applicationSoFar(checklist), ...applicationNoOf() }}
          idempotencyKey={key}
          onClose={() => setDeciding(undefined)}
          onRefused={({ caseNo }) => {
            setDeciding(undefined);
            setEnded({ outcome: 'refusal', caseNo });
            refreshCounters();
          }}
        />
      )}
    </Space>
  );
}

import { useMemo, useState } from 'react';
import { Alert, Descriptions, Drawer, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../api-client/components/ApiErrorAlert';
import { useCaseFile } from '../hooks/use-case-file';
import { approverStepSchema, type ApproverStep } from '../utils/approver-step';
import { claimVerbsFor, verbsFor, type ApproverVerb } from '../utils/approver-verbs';
import { useSession } from '../../session/hooks/use-session';
import { suspensionText } from '../utils/suspension-text';
import { CaseClocks } from './CaseClocks';
import { CaseMaterials } from './CaseMaterials';
import { CaseTimeline } from './CaseTimeline';
import { DepartmentProgress } from './DepartmentProgress';
import { StepPanel } from './StepPanel';
import { VerbFormModal } from './VerbFormModal';
import { CaseDocumentList } from '../../documents/components/CaseDocumentList';
import { centreTime } from '../../../ui/centre-day';

interface CaseFileDrawerProps {
  caseNo: string;
  me: string;
  onClose: () => void;
  /** An action was accepted: the inbox reloads too. */
  onChanged: () => void;
}

const phaseColors: Record<string, string> = {
  in_review: 'processing',
  awaiting_issuance: 'success',
  completed: 'default',
  withdrawn: 'default',
};

/**
 * The case file (案卷): application data, clocks, my department's steps with the verbs I may use now,
 * every department's progress, the materials with their files, and the timeline.
 */
export function CaseFileDrawer({ caseNo, me, onClose, onChanged }: CaseFileDrawerProps) {
  const { t } = useTranslation();
  const { details, file, refresh } = useCaseFile(caseNo);
  const { can } = useSession();
  const [acting, setActing] = useState<{ verb: ApproverVerb; step: ApproverStep }>();
  const view = details.data?.view;
  const steps = useMemo(
    () =>
      (view?.steps ?? []).flatMap((s) => {
        const parsed = approverStepSchema.safeParse(s);
        return parsed.success ? [parsed.data] : [];
      }),
    [view],
  );
  const phase = view?.phase ?? details.data?.status ?? '';
  const stoppedBy = steps
    .flatMap((s) => (s.suspension ? [suspensionText(t, s.suspension)] : []))
    .map(({ kind, reason }) => `${kind}：${reason}`)
    .join('；');
  const materialNames = (file.data?.materials ?? []).map((m) => m.name);
  const stepNames = Object.fromEntries([
    ...(file.data?.departments ?? []).map((d) => [d.stepId, d.stepName]),
    ...steps.map((s) => [s.stepId, s.name]),
  ]);

  return (
    <Drawer
      open
      size={1040}
      onClose={onClose}
      title={
        <Space>
          <span>{t('approvals.caseFile.title', { caseNo })}</span>
          {view && (
            <Tag color={phaseColors[view.phase]} data-testid="case-phase" data-phase={view.phase}>
              {t(`approvals.caseFile.phases.${view.phase}`)}
            </Tag>
          )}
        </Space>
      }
      data-testid="case-file"
    >
      {details.error !== undefined && <ApiErrorAlert error={details.error} onRetry={refresh} />}
      {!details.data && details.error === undefined && <Skeleton active />}
      {details.data && (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          {details.data.source === 'projection' && (
            <Alert type="warning" showIcon title={t('approvals.caseFile.projection')} />
          )}
          <Descriptions size="small" bordered column={2} title={t('approvals.caseFile.sections.overview')}>
            <Descriptions.Item label={t('approvals.caseFile.applicant')}>
              {details.data.applicant.name}
            </Descriptions.Item>
            <Descriptions.Item label={t('approvals.caseFile.idNumber')}>
              {details.data.applicant.idNumber ?? details.data.applicant.idNumberMasked}
            </Descriptions.Item>
            <Descriptions.Item label={t('approvals.caseFile.items')} span={2}>
              <Space size={[4, 4]} wrap>
                {(
                  file.data?.items ??
                  details.data.items.map((i) => ({
                    implementationCode: i.implementationCode,
                    name: i.implementationCode,
                  }))
                ).map((i) => (
                  <Tag key={i.implementationCode} color="blue">
                    {i.name}
                  </Tag>
                ))}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('approvals.caseFile.acceptedAt')}>
              {details.data.acceptedAt ? centreTime(details.data.acceptedAt) : '—'}
            </Descriptions.Item>
            {details.data.acceptedBy && (
              <Descriptions.Item label={t('approvals.caseFile.acceptedBy')}>
                <span data-testid="case-file-accepted-by">
                  {details.data.acceptedBy.kind === 'system'
                    ? t('approvals.caseFile.acceptedBySystem')
                    : details.data.acceptedBy.name}
                </span>
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('approvals.caseFile.phase')}>
              {t(`approvals.caseFile.phases.${phase}`, { defaultValue: phase })}
            </Descriptions.Item>
          </Descriptions>
          {view && (
            <div>
              <Typography.Title level={5}>{t('approvals.caseFile.sections.clocks')}</Typography.Title>
              <CaseClocks clocks={view.clocks} stoppedBy={stoppedBy || undefined} />
              {details.data.limitBasis && (
                <Typography.Paragraph
                  type="secondary"
                  style={{ marginTop: 8, marginBottom: 0 }}
                  data-testid="limit-basis"
                >
                  {t('approvals.caseFile.limitBasis', { explanation: details.data.limitBasis.explanation })}
                </Typography.Paragraph>
              )}
              {details.data.provisional && (
                <Alert
                  type="info"
                  showIcon
                  style={{ marginTop: 8 }}
                  data-testid="provisional-calendar"
                  title={t('approvals.caseFile.provisionalNotice', {
                    years: details.data.provisional.yearsWithoutNotice.join('、'),
                  })}
                />
              )}
            </div>
          )}
          <div>
            <Typography.Title level={5}>{t('approvals.caseFile.sections.steps')}</Typography.Title>
            {steps.length === 0 ? (
              <Typography.Text type="secondary">{t('approvals.caseFile.noOwnSteps')}</Typography.Text>
            ) : (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {steps.map((step) => (
                  <StepPanel
                    key={step.stepId}
                    step={step}
                    verbs={[
                      // 签收 / 退回签收 / 指派 first: a group task is claimed before anything else.
                      ...claimVerbsFor(step, me, view?.phase ?? '', can('task.reassign')),
                      // 批准延期 only for a department lead or the centre supervisor (Art. 42: 本行政机关负责人批准).
                      ...verbsFor(step, me, view?.phase ?? '').filter(
                        (verb) => verb !== 'approve_extension' || can('case.extension.approve'),
                      ),
                    ]}
                    onVerb={(verb) => setActing({ verb, step })}
                  />
                ))}
              </Space>
            )}
          </div>
          <Tabs
            items={[
              {
                key: 'departments',
                label: t('approvals.caseFile.sections.departments'),
                children: file.data ? (
                  <DepartmentProgress departments={file.data.departments} />
                ) : (
                  <Skeleton active />
                ),
              },
              {
                key: 'materials',
                label: t('approvals.caseFile.sections.materials'),
                children: file.data ? (
                  <CaseMaterials caseNo={caseNo} materials={file.data.materials} />
                ) : (
                  <Skeleton active />
                ),
              },
              {
                key: 'documents',
                label: t('documents.title'),
                children: <CaseDocumentList caseNo={caseNo} />,
              },
              {
                key: 'timeline',
                label: t('approvals.caseFile.sections.timeline'),
                children: <CaseTimeline history={view?.history ?? []} stepNames={stepNames} />,
              },
            ]}
          />
          {file.error !== undefined && <ApiErrorAlert error={file.error} onRetry={refresh} />}
        </Space>
      )}
      {acting && (
        <VerbFormModal
          caseNo={caseNo}
          verb={acting.verb}
          step={acting.step}
          me={me}
          materials={materialNames}
          earlierSteps={steps
            .filter((s) => s.stepId !== acting.step.stepId)
            .map((s) => ({ stepId: s.stepId, name: s.name }))}
          onClose={() => setActing(undefined)}
          onDone={() => {
            refresh();
            onChanged();
          }}
        />
      )}
    </Drawer>
  );
}

import { Button, Card, Descriptions, Progress, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApproverStep } from '../utils/approver-step';
import { countersignProgress, signingLine } from '../utils/approver-step';
import { decidingVerbs, type ApproverVerb } from '../utils/approver-verbs';
import { suspensionText } from '../utils/suspension-text';
import { ClockCard } from './ClockCard';
import { centreTime } from '../../../ui/centre-day';

interface StepPanelProps {
  step: ApproverStep;
  verbs: ApproverVerb[];
  onVerb: (verb: ApproverVerb) => void;
}

/** One of my department's steps: its people and countersign progress, what stopped it, its clock and my verbs. */
export function StepPanel({ step, verbs, onVerb }: StepPanelProps) {
  const { t } = useTranslation();
  const progress = countersignProgress(step);
  const primary = verbs.filter((v) => decidingVerbs.includes(v));
  const others = verbs.filter((v) => !decidingVerbs.includes(v));
  return (
    <Card
      size="small"
      data-testid={`step-${step.stepId}`}
      title={
        <Space>
          <span>{step.name}</span>
          <Tag
            color={step.status === 'open' ? 'processing' : step.status === 'approved' ? 'success' : 'default'}
          >
            {t(`approvals.caseFile.stepStatus.${step.status}`, { defaultValue: step.status })}
          </Tag>
        </Space>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Descriptions size="small" column={1} colon>
          <Descriptions.Item label={t('approvals.caseFile.assignees')}>
            <Space size={[4, 4]} wrap>
              {step.assignees.map((a) => (
                <Tag
                  key={`${a.userId}-${a.status}`}
                  data-testid={a.group ? 'group-seat' : a.claim ? 'claimed-seat' : undefined}
                  color={a.status === 'approved' ? 'green' : a.status === 'refused' ? 'red' : undefined}
                >
                  {a.group
                    ? t('approvals.claim.group', {
                        role: t(`approvals.claim.roles.${a.group.role}`, { defaultValue: a.group.role }),
                      })
                    : `${a.userId} · ${t(`approvals.caseFile.assigneeStatus.${a.status}`, { defaultValue: a.status })}`}
                  {a.claim &&
                    a.status === 'pending' &&
                    ` · ${t('approvals.claim.heldBy', { name: a.claim.by, at: centreTime(a.claim.at, 'MM-DD HH:mm') })}${a.claim.assignedBy ? t('approvals.claim.assignedBy', { lead: a.claim.assignedBy }) : ''}`}
                  {a.delegation && ` · ${t('approvals.caseFile.delegatedTo', { to: a.delegation.to })}`}
                </Tag>
              ))}
            </Space>
          </Descriptions.Item>
          {step.countersign.mode === 'sequential' && (
            <Descriptions.Item label={t('approvals.caseFile.sequential.title')}>
              <ol data-testid="signing-line" style={{ margin: 0, paddingInlineStart: 20 }}>
                {signingLine(step).map((s, i) => (
                  <li key={`${s.userId}-${i}`} data-testid={s.turn ? 'signing-turn' : undefined}>
                    <Space size={4} wrap>
                      <span>{s.userId}</span>
                      <Tag
                        color={s.status === 'approved' ? 'green' : s.status === 'refused' ? 'red' : undefined}
                      >
                        {s.turn
                          ? t('approvals.caseFile.sequential.turn')
                          : t(`approvals.caseFile.assigneeStatus.${s.status}`, { defaultValue: s.status })}
                      </Tag>
                      {s.opinion && (
                        <Typography.Text type="secondary">
                          {t('approvals.caseFile.sequential.opinion', { opinion: s.opinion })}
                        </Typography.Text>
                      )}
                    </Space>
                  </li>
                ))}
              </ol>
            </Descriptions.Item>
          )}
          {progress.seats > 1 && (
            <Descriptions.Item label={t('approvals.caseFile.countersign', { ...progress })}>
              <Progress
                percent={Math.round((progress.approved / Math.max(1, progress.needed)) * 100)}
                size="small"
                style={{ width: 200 }}
                aria-label={t('approvals.caseFile.countersign', { ...progress })}
              />
            </Descriptions.Item>
          )}
        </Descriptions>
        {step.suspension && (
          <Typography.Text type="warning" data-testid="step-suspension">
            {t('approvals.caseFile.suspension', {
              ...suspensionText(t, step.suspension),
              since: centreTime(step.suspension.since),
            })}
          </Typography.Text>
        )}
        {step.hold && (
          <Typography.Text type="warning">
            {t('approvals.caseFile.hold', {
              reason: step.hold.reason,
              since: centreTime(step.hold.since),
            })}
          </Typography.Text>
        )}
        {step.pendingExtension && (
          <Typography.Text>
            {t('approvals.caseFile.pendingExtension', {
              days: step.pendingExtension.days,
              reason: step.pendingExtension.reason,
              by: step.pendingExtension.requestedBy,
            })}
          </Typography.Text>
        )}
        <ClockCard title={t('approvals.caseFile.clocks.step')} clock={step.clock} />
        <div>
          <Typography.Text strong>{t('approvals.form.actions')}</Typography.Text>
          {verbs.length === 0 ? (
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
              {t('approvals.form.noActions')}
            </Typography.Paragraph>
          ) : (
            <Space size={[8, 8]} wrap style={{ display: 'flex', marginTop: 8 }} data-testid="step-verbs">
              {primary.map((verb) => (
                <Button
                  key={verb}
                  type={verb === 'approve' || verb === 'claim' ? 'primary' : 'default'}
                  danger={verb === 'refuse'}
                  onClick={() => onVerb(verb)}
                >
                  {t(`approvals.verbs.${verb}`)}
                </Button>
              ))}
              {others.map((verb) => (
                <Button key={verb} onClick={() => onVerb(verb)}>
                  {t(`approvals.verbs.${verb}`)}
                </Button>
              ))}
            </Space>
          )}
        </div>
      </Space>
    </Card>
  );
}

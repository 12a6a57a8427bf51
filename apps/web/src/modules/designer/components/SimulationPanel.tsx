import { Alert, DatePicker, Descriptions, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { FlowLintContext } from '@onewindow/contracts';
import type { SimulatedStep } from '@onewindow/flow-model';
import type { DiagramSimulation } from '../bpmn/simulation';

interface Props {
  acceptedOn: string;
  onDateChange: (date: string) => void;
  /** Absent while the diagram has errors (nothing to simulate) or the calendar is loading. */
  simulation?: DiagramSimulation;
  /** Why there is no simulation. */
  unavailable?: 'errors' | 'calendar' | 'empty';
  context: FlowLintContext;
  onSelect: (stepId: string) => void;
}

interface Row {
  key: string;
  step: SimulatedStep;
}

/**
 * The simulation: for an acceptance day (today by default), the expected due date of every step and of the
 * case on the calendar in force, if every step takes its whole limit; the critical path tagged. Clicking a
 * step selects it on the canvas (where the same dates are badges).
 */
export function SimulationPanel({
  acceptedOn,
  onDateChange,
  simulation,
  unavailable,
  context,
  onSelect,
}: Props) {
  const { t } = useTranslation();
  const department = (code?: string) => context.departments.find((d) => d.code === code)?.name ?? code;
  const stepName = (s: SimulatedStep) =>
    s.name ?? (s.type === 'issue' ? t('designer.panel.issueStep') : (department(s.departmentCode) ?? s.id));
  const after = (due: string | undefined) => due !== undefined && simulation!.decisionOn > due;
  const lateTag = (due: string | undefined, color: 'error' | 'warning', text: string) =>
    after(due) ? (
      <Tag color={color} style={{ marginInlineStart: 8 }}>
        {text}
      </Tag>
    ) : null;
  return (
    <section aria-label={t('designer.simulation.title')} data-testid="designer-simulation">
      <Space style={{ marginBottom: 8 }} wrap>
        <Typography.Text>{t('designer.simulation.acceptedOn')}</Typography.Text>
        <DatePicker
          aria-label={t('designer.simulation.acceptedOn')}
          allowClear={false}
          value={dayjs(acceptedOn)}
          onChange={(d) => (d ? onDateChange(d.format('YYYY-MM-DD')) : undefined)}
        />
      </Space>
      {!simulation ? (
        <Alert type="info" showIcon title={t(`designer.simulation.unavailable.${unavailable ?? 'empty'}`)} />
      ) : (
        <>
          {simulation.provisionalYears.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 8 }}
              data-testid="designer-simulation-provisional"
              title={t('designer.simulation.provisional', {
                years: simulation.provisionalYears.join('、'),
              })}
            />
          ) : null}
          <Table<Row>
            size="small"
            pagination={false}
            rowKey="key"
            dataSource={simulation.steps.map((step) => ({ key: step.id, step }))}
            onRow={(row) => ({
              'data-step-id': row.step.id,
              style: { cursor: 'pointer' },
              onClick: () => onSelect(row.step.id),
            })}
            columns={[
              {
                title: t('designer.simulation.step'),
                key: 'name',
                ellipsis: true,
                render: (_: unknown, { step }) => (
                  <span title={stepName(step)}>
                    {step.critical ? (
                      <Tag color="orange" style={{ marginInlineEnd: 4 }}>
                        {t('designer.simulation.critical')}
                      </Tag>
                    ) : null}
                    {stepName(step)}
                  </span>
                ),
              },
              {
                title: t('designer.simulation.opensOn'),
                key: 'opensOn',
                width: 96,
                render: (_: unknown, { step }) => step.opensOn,
              },
              {
                title: t('designer.simulation.dueOn'),
                key: 'dueOn',
                width: 96,
                render: (_: unknown, { step }) => <strong data-due-on={step.dueOn}>{step.dueOn}</strong>,
              },
            ]}
          />
          <Descriptions
            size="small"
            column={1}
            style={{ marginTop: 8 }}
            data-testid="designer-simulation-case"
            items={[
              {
                key: 'decision',
                label: t('designer.simulation.decisionOn'),
                children: simulation.decisionOn,
              },
              {
                key: 'issuance',
                label: t('designer.simulation.issuanceDue', { n: simulation.issuance.limitWorkingDays }),
                children: simulation.issuance.dueOn,
              },
              ...(simulation.caseDue.promised
                ? [
                    {
                      key: 'promised',
                      label: t('designer.simulation.promisedDue', {
                        n: context.limits.promisedWorkingDays,
                      }),
                      children: (
                        <>
                          {simulation.caseDue.promised}
                          {lateTag(
                            simulation.caseDue.promised,
                            'warning',
                            t('designer.simulation.latePromised'),
                          )}
                        </>
                      ),
                    },
                  ]
                : []),
              ...(simulation.caseDue.statutory
                ? [
                    {
                      key: 'statutory',
                      label: t('designer.simulation.statutoryDue', {
                        n: context.limits.statutoryWorkingDays,
                      }),
                      children: (
                        <>
                          {simulation.caseDue.statutory}
                          {lateTag(simulation.caseDue.statutory, 'error', t('designer.simulation.late'))}
                        </>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </>
      )}
    </section>
  );
}

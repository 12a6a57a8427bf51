import { Checkbox, Empty, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { ALL_STEP_ACTIONS, feelSyntaxError } from '@onewindow/flow-model';
import type { FlowLintContext } from '@onewindow/contracts';
import { useTranslation } from 'react-i18next';
import type { BusinessObject, DiagramElement, ModdleService, Modeling } from '../bpmn/modeler-types';

interface Props {
  /** The selected element (read fresh on every render: the panel re-renders on each command). */
  element: DiagramElement | undefined;
  modeling: Modeling;
  moddle: ModdleService;
  elementById: (id: string) => DiagramElement | undefined;
  context: FlowLintContext;
}

const COUNTERSIGN_MODES = ['any', 'all', 'single', 'at_least', 'sequential'] as const;

/** `ow:` attributes are strings; an empty value removes the attribute. */
const str = (bo: BusinessObject, name: string): string | undefined => {
  const value = bo.get(`ow:${name}`);
  return typeof value === 'string' && value !== '' ? value : undefined;
};
const list = (text: string | undefined): string[] =>
  (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * The OneWindow fields of the selected element. Every edit is one `modeling.updateProperties` (or
 * `updateModdleProperties`) command, applied as the value changes: undo/redo work, and nothing waits for a
 * blur, so nothing is lost on blur, save or replace. No moddle object is kept in React state.
 */
export function PropertiesPanel({ element, modeling, moddle, elementById, context }: Props) {
  const { t } = useTranslation();
  if (!element || element.type === 'bpmn:Process' || element.type === 'label')
    return <Empty description={t('designer.panel.nothing')} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  const bo = element.businessObject;
  const set = (properties: Record<string, unknown>) => modeling.updateProperties(element, properties);
  const setOw = (name: string, value: string | number | undefined) =>
    set({ [`ow:${name}`]: value === undefined || value === '' ? undefined : String(value) });

  const nameField = (
    <Form.Item label={t('designer.panel.name')}>
      <Input
        aria-label={t('designer.panel.name')}
        value={bo.name ?? ''}
        onChange={(e) => set({ name: e.target.value || undefined })}
      />
    </Form.Item>
  );
  const limitField = (placeholder?: string) => (
    <Form.Item label={t('designer.panel.limit')} required={!placeholder}>
      <InputNumber
        aria-label={t('designer.panel.limit')}
        min={0}
        precision={0}
        style={{ width: '100%' }}
        placeholder={placeholder}
        value={str(bo, 'limitWorkingDays') === undefined ? null : Number(str(bo, 'limitWorkingDays'))}
        onChange={(v) => setOw('limitWorkingDays', v ?? undefined)}
        suffix={t('designer.panel.workingDays')}
      />
    </Form.Item>
  );

  let fields: React.ReactNode = null;
  if (bo.$type === 'bpmn:UserTask') {
    const isIssue = str(bo, 'step') === 'issue';
    const countersign = str(bo, 'countersign') ?? 'any';
    const [mode, n] = countersign.split(':');
    const departmentCode = str(bo, 'departmentCode');
    const role = str(bo, 'role') ?? 'dept_approver';
    const members = departmentCode ? (context.roleMembers[`${departmentCode}/${role}`] ?? []) : [];
    fields = (
      <>
        <Form.Item label={t('designer.panel.stepKind')}>
          <Select
            aria-label={t('designer.panel.stepKind')}
            value={isIssue ? 'issue' : 'department'}
            onChange={(v) => setOw('step', v === 'issue' ? 'issue' : undefined)}
            options={[
              { value: 'department', label: t('designer.panel.departmentStep') },
              { value: 'issue', label: t('designer.panel.issueStep') },
            ]}
          />
        </Form.Item>
        {isIssue ? (
          limitField('10')
        ) : (
          <>
            <Form.Item label={t('designer.panel.department')} required>
              <Select
                aria-label={t('designer.panel.department')}
                showSearch={{ optionFilterProp: 'label' }}
                allowClear
                value={departmentCode}
                onChange={(v?: string) => setOw('departmentCode', v)}
                options={context.departments.map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` }))}
              />
            </Form.Item>
            {limitField()}
            <Form.Item label={t('designer.panel.role')}>
              <Input
                aria-label={t('designer.panel.role')}
                placeholder="dept_approver"
                value={str(bo, 'role') ?? ''}
                onChange={(e) => setOw('role', e.target.value)}
              />
            </Form.Item>
            <Form.Item label={t('designer.panel.countersign')}>
              <Space.Compact style={{ width: '100%' }}>
                <Select
                  aria-label={t('designer.panel.countersign')}
                  style={{ flex: 1 }}
                  value={mode}
                  onChange={(v) => setOw('countersign', v === 'at_least' ? `at_least:${n ?? 2}` : v)}
                  options={COUNTERSIGN_MODES.map((m) => ({
                    value: m,
                    label: t(`designer.countersign.${m}`),
                  }))}
                />
                {mode === 'at_least' ? (
                  <InputNumber
                    aria-label={t('designer.panel.atLeast')}
                    min={1}
                    precision={0}
                    value={Number(n ?? 1)}
                    onChange={(v) => setOw('countersign', `at_least:${v ?? 1}`)}
                  />
                ) : null}
              </Space.Compact>
            </Form.Item>
            <Form.Item label={t('designer.panel.assignees')} extra={t('designer.panel.assigneesHint')}>
              <Select
                aria-label={t('designer.panel.assignees')}
                mode="tags"
                value={list(str(bo, 'assignees'))}
                onChange={(v: string[]) => setOw('assignees', v.join(','))}
                options={members.map((id) => ({ value: id, label: id }))}
              />
            </Form.Item>
            <Form.Item label={t('designer.panel.item')}>
              <Select
                aria-label={t('designer.panel.item')}
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                value={str(bo, 'itemCode')}
                onChange={(v?: string) => setOw('itemCode', v)}
                options={context.items.map((i) => ({ value: i.code, label: `${i.name}（${i.code}）` }))}
              />
            </Form.Item>
            <Form.Item label={t('designer.panel.actions')} extra={t('designer.panel.actionsHint')}>
              <Select
                aria-label={t('designer.panel.actions')}
                mode="multiple"
                allowClear
                value={list(str(bo, 'actions'))}
                onChange={(v: string[]) => setOw('actions', v.join(','))}
                options={ALL_STEP_ACTIONS.map((a) => ({ value: a, label: t(`designer.actions.${a}`) }))}
              />
            </Form.Item>
            <Form.Item label={t('designer.panel.certificate')}>
              <Select
                aria-label={t('designer.panel.certificate')}
                allowClear
                value={str(bo, 'resultCertificateType')}
                onChange={(v?: string) => setOw('resultCertificateType', v)}
                options={context.certificateTypes.map((c) => ({ value: c.code, label: c.name }))}
              />
            </Form.Item>
          </>
        )}
      </>
    );
  } else if (bo.$type === 'bpmn:ServiceTask') {
    fields = (
      <Form.Item label={t('designer.panel.task')} required>
        <Input
          aria-label={t('designer.panel.task')}
          placeholder="certificate_check"
          value={str(bo, 'task') ?? ''}
          onChange={(e) => setOw('task', e.target.value)}
        />
      </Form.Item>
    );
  } else if (bo.$type === 'bpmn:IntermediateCatchEvent' && bo.eventDefinitions?.[0]) {
    const timer = bo.eventDefinitions[0];
    const days = /^P(\d+)D$/.exec(timer.timeDuration?.body ?? '')?.[1];
    fields = (
      <>
        <Form.Item label={t('designer.panel.timerDays')} required>
          <InputNumber
            aria-label={t('designer.panel.timerDays')}
            min={1}
            precision={0}
            style={{ width: '100%' }}
            value={days === undefined ? null : Number(days)}
            onChange={(v) =>
              modeling.updateModdleProperties(element, timer, {
                timeDuration:
                  v === null ? undefined : moddle.create('bpmn:FormalExpression', { body: `P${v}D` }),
              })
            }
          />
        </Form.Item>
        <Form.Item label={t('designer.panel.dayKind')}>
          <Select
            aria-label={t('designer.panel.dayKind')}
            value={str(bo, 'dayKind') ?? 'working'}
            onChange={(v) => setOw('dayKind', v === 'working' ? undefined : v)}
            options={[
              { value: 'working', label: t('designer.panel.workingDays') },
              { value: 'natural', label: t('designer.panel.naturalDays') },
            ]}
          />
        </Form.Item>
      </>
    );
  } else if (bo.$type === 'bpmn:SubProcess') {
    fields = (
      <Form.Item label={t('designer.panel.item')} required>
        <Select
          aria-label={t('designer.panel.item')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={str(bo, 'itemCode')}
          onChange={(v?: string) => setOw('itemCode', v)}
          options={context.items.map((i) => ({ value: i.code, label: `${i.name}（${i.code}）` }))}
        />
      </Form.Item>
    );
  } else if (bo.$type === 'bpmn:SequenceFlow') {
    const source = bo.sourceRef;
    const conditional =
      source?.$type === 'bpmn:ExclusiveGateway' || source?.$type === 'bpmn:InclusiveGateway';
    if (conditional && source) {
      const sourceElement = elementById(source.id);
      const isDefault = source.default?.id === bo.id;
      const condition = bo.conditionExpression?.body ?? '';
      const syntax = condition ? feelSyntaxError(condition) : undefined;
      fields = (
        <>
          <Form.Item>
            <Checkbox
              checked={isDefault}
              onChange={(e) =>
                sourceElement &&
                modeling.updateProperties(sourceElement, { default: e.target.checked ? bo : undefined })
              }
            >
              {t('designer.panel.defaultFlow')}
            </Checkbox>
          </Form.Item>
          {isDefault ? null : (
            <Form.Item
              label={t('designer.panel.condition')}
              validateStatus={syntax ? 'error' : undefined}
              help={
                syntax ? t('designer.panel.feelError', { error: syntax }) : t('designer.panel.conditionHint')
              }
            >
              <Input.TextArea
                aria-label={t('designer.panel.condition')}
                autoSize={{ minRows: 2 }}
                value={condition}
                placeholder="area > 300"
                onChange={(e) =>
                  set({
                    conditionExpression: e.target.value
                      ? moddle.create('bpmn:FormalExpression', { body: e.target.value })
                      : undefined,
                  })
                }
              />
            </Form.Item>
          )}
        </>
      );
    }
  }

  return (
    <Form layout="vertical" size="small" data-testid="designer-properties">
      <Typography.Text type="secondary">
        {t(`designer.types.${bo.$type.replace('bpmn:', '')}`, { defaultValue: bo.$type })} · {bo.id}
      </Typography.Text>
      {nameField}
      {fields}
    </Form>
  );
}

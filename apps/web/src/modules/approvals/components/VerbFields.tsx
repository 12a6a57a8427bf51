import { Checkbox, Form, Input, InputNumber, Radio, Select } from 'antd';
import { caseVerbDefinitions } from '@onewindow/contracts';
import { useTranslation } from 'react-i18next';
import type { ApproverStep } from '../utils/approver-step';
import type { ApproverVerb } from '../utils/approver-verbs';
import { textLimits } from '../utils/contract-rules';
import { PeopleSelect } from './PeopleSelect';
import { PhraseTextArea } from './PhraseTextArea';

export interface VerbFieldsContext {
  verb: ApproverVerb;
  step: ApproverStep;
  me: string;
  /** The materials of the case's checklist, by name (补正 picks from them). */
  materials: string[];
  /** Earlier steps the case view shows (退回 to one of them). */
  earlierSteps: { stepId: string; name: string }[];
}

const procedureKinds = caseVerbDefinitions.start_special_procedure.request.shape.kind.options;

/**
 * The fields of one verb's form; their limits come from the verb's contract. Every opinion and reason
 * field has the 常用语 picker (PhraseTextArea): a click on a phrase inserts it.
 */
export function VerbFields({ verb, step, me, materials, earlierSteps }: VerbFieldsContext) {
  const { t } = useTranslation();
  const toKind = Form.useWatch('toKind');
  const to = Form.useWatch('to');
  const label = (field: string) => t(`approvals.fields.${field}`);
  const area = (field: string, required: boolean, rows = 4, extra?: string) => {
    const { max } = textLimits(verb, field);
    return (
      <Form.Item name={field} label={label(field)} required={required} extra={extra}>
        <PhraseTextArea field={field} rows={rows} maxLength={max} lines={field === 'reasons'} />
      </Form.Item>
    );
  };
  const reason = area('reason', true, 3);
  const people = (field: 'to' | 'signers', labelKey: string, multiple: boolean, allowOthers = false) => (
    <Form.Item
      name={field}
      label={label(labelKey)}
      required
      extra={t(allowOthers ? 'approvals.hints.people' : 'approvals.hints.peopleOfDepartment')}
    >
      <PeopleSelect
        department={step.departmentCode}
        multiple={multiple}
        exclude={[me]}
        allowOthers={allowOthers}
        aria-label={label(labelKey)}
      />
    </Form.Item>
  );

  switch (verb) {
    case 'approve':
      return area('comment', false);
    case 'refuse':
      return area('reasons', true, 5, t('approvals.hints.reasons'));
    case 'return_for_supplement':
      return (
        <>
          <Form.Item
            name="materials"
            label={label('materials')}
            required
            extra={t('approvals.hints.materials')}
          >
            <Checkbox.Group
              style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
              options={materials.map((m) => ({ value: m, label: m }))}
            />
          </Form.Item>
          <Form.Item
            name="otherMaterials"
            label={label('otherMaterials')}
            extra={t('approvals.hints.otherMaterials')}
          >
            <Select mode="tags" open={false} aria-label={label('otherMaterials')} suffixIcon={null} />
          </Form.Item>
          {area('note', false, 2)}
        </>
      );
    case 'start_special_procedure':
      return (
        <>
          <Form.Item name="kind" label={label('kind')} required>
            <Radio.Group
              optionType="button"
              options={procedureKinds.map((k) => ({ value: k, label: t(`approvals.procedures.${k}`) }))}
            />
          </Form.Item>
          {reason}
        </>
      );
    case 'end_special_procedure':
      return area('result', false);
    case 'request_extension':
      return (
        <>
          <Form.Item name="days" label={label('days')} required extra={t('approvals.hints.extension')}>
            <InputNumber min={1} max={60} precision={0} style={{ width: 160 }} aria-label={label('days')} />
          </Form.Item>
          {reason}
        </>
      );
    case 'approve_extension':
      return area('reason', false, 2);
    case 'send_back':
      return (
        <>
          <Form.Item name="toKind" label={label('toKind')} required>
            <Radio.Group
              options={(['previous', 'step', 'window'] as const).map((k) => ({
                value: k,
                label: t(`approvals.sendBack.${k}`),
              }))}
            />
          </Form.Item>
          {toKind === 'step' && (
            <Form.Item name="toStepId" label={label('toStepId')} required>
              <Select
                aria-label={label('toStepId')}
                options={earlierSteps.map((s) => ({ value: s.stepId, label: s.name }))}
              />
            </Form.Item>
          )}
          {reason}
        </>
      );
    case 'transfer':
      return (
        <>
          {people('to', 'transferTo', true)}
          {Array.isArray(to) && to.length > 1 && (
            <Form.Item name="groupName" label={label('groupName')} extra={t('approvals.hints.groupName')}>
              <Input maxLength={textLimits(verb, 'groupName').max} />
            </Form.Item>
          )}
          {reason}
        </>
      );
    case 'delegate':
      return (
        <>
          {people('to', 'delegateTo', false)}
          {reason}
        </>
      );
    case 'resolve_delegation':
      return (
        <>
          <Form.Item name="opinion" label={label('opinion')} required>
            <Radio.Group
              options={(['agree', 'disagree'] as const).map((o) => ({
                value: o,
                label: t(`approvals.opinion.${o}`),
              }))}
            />
          </Form.Item>
          {area('comment', true)}
        </>
      );
    case 'add_signers':
      return (
        <>
          {people('signers', 'signers', true)}
          <Form.Item name="position" label={label('position')} required>
            <Radio.Group
              // 依次审批: nobody signs in parallel, only before or after oneself in the line.
              options={(step.countersign.mode === 'sequential'
                ? (['before', 'after'] as const)
                : (['before', 'after', 'parallel'] as const)
              ).map((p) => ({
                value: p,
                label: t(`approvals.position.${p}`),
              }))}
            />
          </Form.Item>
          {reason}
        </>
      );
    case 'remove_signers':
      return (
        <>
          <Form.Item name="signers" label={label('signers')} required>
            <Select
              mode="multiple"
              aria-label={label('signers')}
              options={step.assignees
                .filter((a) => a.status === 'pending' && a.userId !== me)
                .map((a) => ({ value: a.userId, label: a.userId }))}
            />
          </Form.Item>
          {reason}
        </>
      );
    case 'copy_to':
      return (
        <>
          {people('to', 'copyTo', true, true)}
          {area('note', false, 2)}
        </>
      );
    case 'claim':
      return null;
    case 'unclaim':
      return area('reason', false, 2);
    case 'recall':
      return area('reason', false, 2, t('approvals.hints.recall'));
    case 'assign':
      return (
        <>
          {people('to', 'assignTo', false)}
          {area('reason', false, 2)}
        </>
      );
  }
}

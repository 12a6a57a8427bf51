import { Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SubmissionOutcome, SubmissionSummary } from '@onewindow/contracts';
import { ApiErrorAlert } from '../../api-client/components/ApiErrorAlert';
import { useSubmission } from '../../api-client/hooks/use-submission';
import { noticeSubmission, refuseSubmission } from '../api/online-submission.api';
import { RefusalModal } from '../../window/components/RefusalModal';
import { useItemMaterials } from './DeclaredMaterials';

interface ModalProps {
  submission: SubmissionSummary;
  onClose: () => void;
  onDone: (outcome: SubmissionOutcome) => void;
}

/** 一次性告知 of an online submission: every material to supplement at once, with what is wrong. */
export function SubmissionNoticeModal({ submission, onClose, onDone }: ModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ materialCodes: string[]; problem: string }>();
  const { pending, error, run } = useSubmission();
  const { materials } = useItemMaterials(submission.items.map((i) => i.implementationCode));
  const declared = new Set(submission.materials.map((m) => m.materialCode));
  // Materials not declared first: they are what is usually missing.
  const options = [...(materials ?? [])]
    .sort((a, b) => Number(declared.has(a.code)) - Number(declared.has(b.code)))
    .map((m) => ({ value: m.code, label: m.name }));

  const submit = async () => {
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    const outcome = await run(() =>
      noticeSubmission(submission.submissionNo, {
        missing: values.materialCodes.map((materialCode) => ({
          materialCode,
          problem: values.problem.trim(),
        })),
      }),
    );
    if (outcome) onDone(outcome);
  };

  return (
    <Modal
      open
      width={640}
      mask={{ closable: false }}
      title={t('onlineSubmission.preReview.noticeTitle', { submissionNo: submission.submissionNo })}
      okText={t('onlineSubmission.preReview.notice')}
      cancelText={t('onlineSubmission.preReview.cancel')}
      confirmLoading={pending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" data-testid="submission-notice-form">
        <Form.Item
          name="materialCodes"
          label={t('onlineSubmission.preReview.noticeMaterials')}
          rules={[{ required: true, message: t('onlineSubmission.preReview.noticeMaterialsRequired') }]}
        >
          <Select mode="multiple" options={options} loading={!materials} optionFilterProp="label" />
        </Form.Item>
        <Form.Item
          name="problem"
          label={t('onlineSubmission.preReview.noticeProblem')}
          initialValue="未提交"
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('onlineSubmission.preReview.noticeProblemRequired'),
            },
          ]}
        >
          <Input maxLength={500} />
        </Form.Item>
      </Form>
      {error !== undefined && <ApiErrorAlert error={error} />}
    </Modal>
  );
}

/** 不予受理 of an online submission: the same decision as at the counter, on the submission's number. */
export function SubmissionRefusalModal({ submission, onClose, onDone }: ModalProps) {
  const { t } = useTranslation();
  return (
    <RefusalModal
      title={t('onlineSubmission.preReview.refusalTitle', { submissionNo: submission.submissionNo })}
      testId="submission-refusal-form"
      refuse={(values) => refuseSubmission(submission.submissionNo, values)}
      onClose={onClose}
      onRefused={onDone}
    />
  );
}

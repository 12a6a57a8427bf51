import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Form, Input, Radio, Space } from 'antd';
import {
  evaluationAspectLabels,
  evaluationAspects,
  evaluationGradeLabels,
  evaluationGrades,
  publicEvaluationRequestSchema,
  type EvaluationAspect,
  type EvaluationGrade,
  type EvaluationResponse,
} from '@onewindow/contracts';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../api-client/components/ApiErrorAlert';
import { useLanguage } from '../../i18n/hooks/use-language';
import { rateAtWindow, ratePublicly } from '../api/evaluation.api';

const commentMax = publicEvaluationRequestSchema.shape.comment.unwrap().maxLength ?? 500;

interface Fields {
  grade?: EvaluationGrade;
  aspects?: EvaluationAspect[];
  comment?: string;
}

/**
 * 好差评 after issuance: five grades, optional aspects and a comment, once per case on this channel — online with
 * the lookup code (`code`), or on the window's counter tablet (`channel="window"`, the clerk's session).
 */
export function EvaluationForm(
  props: { caseNo: string; code: string } | { caseNo: string; channel: 'window'; title?: string },
) {
  const { caseNo } = props;
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<EvaluationResponse>();
  const label = (l: { zh: string; en: string }) => (language === 'en' ? l.en : l.zh);

  const onFinish = async ({ grade, aspects, comment }: Fields) => {
    setPending(true);
    setError(undefined);
    try {
      const rating = {
        grade: grade!,
        ...(aspects?.length ? { aspects } : {}),
        ...(comment?.trim() ? { comment: comment.trim() } : {}),
      };
      setDone(
        'code' in props
          ? await ratePublicly(caseNo, { code: props.code, ...rating })
          : await rateAtWindow(caseNo, rating),
      );
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  };

  return (
    <Card
      size="small"
      title={('title' in props && props.title) || t('evaluation.title')}
      style={{ marginTop: 16 }}
      data-testid="evaluation"
    >
      {done ? (
        <Alert
          type="success"
          showIcon
          data-testid="evaluation-done"
          title={'code' in props ? t('evaluation.thanks') : t('evaluation.counter.again')}
          description={done.rectificationOrders.length > 0 ? t('evaluation.followUp') : undefined}
        />
      ) : (
        <Form<Fields>
          layout="vertical"
          onFinish={onFinish}
          requiredMark={false}
          data-testid="evaluation-form"
        >
          <Form.Item
            label={t('evaluation.grade')}
            name="grade"
            rules={[{ required: true, message: t('evaluation.gradeRequired') }]}
          >
            <Radio.Group data-testid="evaluation-grade">
              <Space wrap>
                {evaluationGrades.map((g) => (
                  <Radio key={g} value={g}>
                    {label(evaluationGradeLabels[g])}
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          </Form.Item>
          <Form.Item label={t('evaluation.aspects')} name="aspects">
            <Checkbox.Group
              options={evaluationAspects.map((a) => ({ value: a, label: label(evaluationAspectLabels[a]) }))}
            />
          </Form.Item>
          <Form.Item
            label={t('evaluation.comment')}
            name="comment"
            rules={[{ max: commentMax, message: t('evaluation.commentTooLong', { max: commentMax }) }]}
          >
            <Input.TextArea rows={3} maxLength={commentMax} showCount data-testid="evaluation-comment" />
          </Form.Item>
          {error !== undefined && (
            <div style={{ marginBottom: 12 }}>
              <ApiErrorAlert error={error} />
            </div>
          )}
          <Button type="primary" htmlType="submit" loading={pending} data-testid="evaluation-submit">
            {t('evaluation.submit')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

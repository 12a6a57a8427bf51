import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Tag } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { PublicCaseStatus } from '@onewindow/contracts';
import { ApiErrorAlert } from '../../api-client/components/ApiErrorAlert';
import { isApiError } from '../../api-client/api-error';
import { useLanguage } from '../../i18n/hooks/use-language';
import { lookUpCaseStatus } from '../api/public-lookup.api';
import { EvaluationForm } from './EvaluationForm';

interface LookupFields {
  caseNo: string;
  code: string;
}

const statusColor: Record<string, string> = {
  needs_correction: 'warning',
  rejected_at_intake: 'error',
  special_procedure: 'warning',
  awaiting_supplement: 'warning',
  decided: 'processing',
  issued: 'success',
  withdrawn: 'default',
};

/**
 * 办件查询: case number + last 4 characters of the identity number → the status, and what the applicant must
 * do while the case waits for them (补正), nothing else.
 */
export function PublicLookupForm() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [result, setResult] = useState<PublicCaseStatus>();
  // The code the result was found with: the rating after issuance sends it again.
  const [foundWith, setFoundWith] = useState('');
  const [error, setError] = useState<unknown>();
  const [pending, setPending] = useState(false);
  // A printed notice's QR code opens /lookup?case=<case number>: the applicant types only the code.
  const [params] = useSearchParams();
  const caseFromLink = /^YC\d{14}$/.test(params.get('case') ?? '') ? params.get('case')! : undefined;

  const onFinish = async ({ caseNo, code }: LookupFields) => {
    setPending(true);
    setError(undefined);
    setResult(undefined);
    try {
      const trimmed = code.trim().toUpperCase();
      setResult(await lookUpCaseStatus(caseNo.trim().toUpperCase(), trimmed));
      setFoundWith(trimmed);
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  };

  const notFound = isApiError(error) && error.kind === 'problem' && error.status === 404;
  return (
    <Card>
      <Form<LookupFields>
        layout="vertical"
        onFinish={onFinish}
        style={{ maxWidth: 420 }}
        data-testid="lookup-form"
        requiredMark={false}
        initialValues={caseFromLink ? { caseNo: caseFromLink } : undefined}
      >
        <Form.Item
          label={t('lookup.caseNo')}
          name="caseNo"
          extra={t('lookup.caseNoHint')}
          rules={[
            { required: true, message: t('lookup.caseNoRequired') },
            { pattern: /^\s*[Yy][Cc]\d{14}\s*$/, message: t('lookup.caseNoFormat') },
          ]}
        >
          <Input placeholder="YC20261201000123" autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('lookup.code')}
          name="code"
          extra={t('lookup.codeHint')}
          rules={[
            { required: true, message: t('lookup.codeRequired') },
            { pattern: /^\s*[0-9A-Za-z]{4}\s*$/, message: t('lookup.codeFormat') },
          ]}
        >
          <Input maxLength={4} autoComplete="off" style={{ maxWidth: 200 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />} loading={pending}>
          {t('lookup.submit')}
        </Button>
      </Form>
      <div style={{ marginTop: 16 }} aria-live="polite">
        {notFound && (
          <Alert
            type="warning"
            showIcon
            role="alert"
            data-testid="lookup-not-found"
            title={t('lookup.notFound')}
            description={t('lookup.notFoundHint')}
          />
        )}
        {error !== undefined && !notFound && <ApiErrorAlert error={error} />}
        {result && (
          <Descriptions
            bordered
            column={1}
            size="small"
            data-testid="lookup-result"
            title={t('lookup.resultTitle')}
          >
            <Descriptions.Item label={t('lookup.caseNo')}>{result.caseNo}</Descriptions.Item>
            <Descriptions.Item label={t('lookup.status')}>
              <Tag color={statusColor[result.status] ?? 'blue'} data-testid="lookup-status">
                {language === 'en' ? result.label.en : result.label.zh}
              </Tag>
            </Descriptions.Item>
            {result.nextStep && (
              <Descriptions.Item label={t('lookup.nextStep')}>
                <span data-testid="lookup-next-step">
                  {language === 'en' ? result.nextStep.en : result.nextStep.zh}
                </span>
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('lookup.updatedAt')}>
              {new Date(result.updatedAt).toLocaleString(language === 'en' ? 'en-GB' : 'zh-CN', {
                timeZone: 'Asia/Shanghai',
              })}
            </Descriptions.Item>
          </Descriptions>
        )}
        {result?.status === 'issued' && (
          <EvaluationForm key={result.caseNo} caseNo={result.caseNo} code={foundWith} />
        )}
      </div>
    </Card>
  );
}

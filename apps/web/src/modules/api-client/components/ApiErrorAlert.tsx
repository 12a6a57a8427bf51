import { Alert, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDescribeApiError } from '../hooks/use-describe-api-error';

interface ApiErrorAlertProps {
  error: unknown;
  onRetry?: () => void;
  /** Paths of field errors the form shows under its fields (useFormFieldProblems): not listed again here. */
  shownOnForm?: ReadonlySet<string>;
}

/** A failed load shown in place, with the server's detail and request id for the help desk. */
export function ApiErrorAlert({ error, onRetry, shownOnForm }: ApiErrorAlertProps) {
  const { t } = useTranslation();
  const described = useDescribeApiError()(error);
  const { title, requestId } = described;
  const fieldErrors = described.fieldErrors.filter((f) => !shownOnForm?.has(f.path));
  // When the form shows every field error under its field, the server's detail only sums them up again.
  const allOnForm = described.fieldErrors.length > 0 && fieldErrors.length === 0;
  const detail = allOnForm ? t('errors.seeFields') : described.detail;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="api-error"
      title={title}
      description={
        detail || fieldErrors.length > 0 || requestId ? (
          <>
            {detail && <div>{detail}</div>}
            {fieldErrors.length > 0 && (
              <ul style={{ margin: '4px 0', paddingInlineStart: 20 }}>
                {fieldErrors.map((fieldError) => (
                  <li key={fieldError.path}>
                    <Typography.Text code>{fieldError.path}</Typography.Text> {fieldError.message}
                  </li>
                ))}
              </ul>
            )}
            {requestId && (
              <Typography.Text type="secondary">{t('errors.requestId', { id: requestId })}</Typography.Text>
            )}
          </>
        ) : undefined
      }
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('errors.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}

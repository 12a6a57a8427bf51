import { Alert, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api-client/api-error';
import { useDescribeApiError } from '../../api-client/hooks/use-describe-api-error';

interface ActionProblemProps {
  error: unknown;
  onReload?: () => void;
}

const kindOf = (status: number) =>
  status === 409
    ? 'conflict'
    : status === 400 || status === 422
      ? 'invalid'
      : status === 403
        ? 'forbidden'
        : status === 503 || status === 0
          ? 'unavailable'
          : 'failed';

/**
 * The workflow's (or the API's) refusal of an action, in the user's language: what happened, what to do
 * next, and the workflow's own sentence as sent.
 */
export function ActionProblem({ error, onReload }: ActionProblemProps) {
  const { t } = useTranslation();
  const { detail, fieldErrors, requestId } = useDescribeApiError()(error);
  const kind = kindOf(isApiError(error) ? error.status : 0);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="action-problem"
      data-kind={kind}
      title={t(`approvals.problem.${kind}`)}
      description={
        <>
          <div>{t(`approvals.problem.${kind}Hint`)}</div>
          {detail && (
            <Typography.Paragraph
              type="secondary"
              style={{ margin: '4px 0 0' }}
              data-testid="action-problem-detail"
            >
              {t('approvals.problem.detail', { detail })}
            </Typography.Paragraph>
          )}
          {fieldErrors.length > 0 && (
            <ul style={{ margin: '4px 0', paddingInlineStart: 20 }}>
              {fieldErrors.map((f) => (
                <li key={f.path}>
                  <Typography.Text code>{f.path}</Typography.Text> {f.message}
                </li>
              ))}
            </ul>
          )}
          {requestId && (
            <Typography.Text type="secondary">{t('errors.requestId', { id: requestId })}</Typography.Text>
          )}
        </>
      }
      action={
        onReload && kind === 'conflict' ? (
          <Button size="small" onClick={onReload}>
            {t('approvals.problem.reload')}
          </Button>
        ) : undefined
      }
    />
  );
}

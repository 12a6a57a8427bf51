import { Alert, List, Tag, Typography } from 'antd';
import type { FlowProblem } from '@onewindow/contracts';
import { useTranslation } from 'react-i18next';
import { problemText } from '../utils/problem-text';

interface Props {
  problems: FlowProblem[];
  linting: boolean;
  onSelect: (elementId: string) => void;
}

/** Live lint and compile problems, in the user's language; clicking one selects its element on the canvas. */
export function ProblemList({ problems, linting, onSelect }: Props) {
  const { t, i18n } = useTranslation();
  const errors = problems.filter((p) => p.severity === 'error').length;
  return (
    <section aria-label={t('designer.problems.title')} data-testid="designer-problems">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('designer.problems.title')}{' '}
        {errors > 0 ? (
          <Tag color="error">{t('designer.problems.errors', { n: errors })}</Tag>
        ) : (
          <Tag color="success">{t('designer.problems.none')}</Tag>
        )}
        {linting ? <Tag>{t('designer.problems.linting')}</Tag> : null}
      </Typography.Title>
      {problems.length === 0 ? (
        <Alert type="success" showIcon title={t('designer.problems.ok')} />
      ) : (
        <List
          size="small"
          bordered
          style={{ maxHeight: 170, overflow: 'auto' }}
          dataSource={problems}
          renderItem={(p) => (
            <List.Item
              role="button"
              tabIndex={0}
              data-element-id={p.elementId}
              style={{ cursor: 'pointer' }}
              onClick={() => onSelect(p.elementId)}
              onKeyDown={(e) => (e.key === 'Enter' ? onSelect(p.elementId) : undefined)}
            >
              <Typography.Text type={p.severity === 'error' ? 'danger' : 'warning'}>
                <Tag color={p.severity === 'error' ? 'error' : 'warning'}>
                  {t(`designer.problems.${p.severity}`)}
                </Tag>
                <strong>{p.elementName ?? p.elementId}</strong>：{problemText(i18n, p)}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
    </section>
  );
}

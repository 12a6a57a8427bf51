import { Alert, App, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { CheckOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNotifyApiError } from '../../api-client/hooks/use-notify-api-error';
import { useSession } from '../../session/hooks/use-session';
import { useDemoCase } from '../hooks/use-demo-case';

/** Starts a demo case workflow and completes it: a smoke test of acceptance → completion. */
export function DemoCasePanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyApiError();
  const { demoCase, pending, start, complete } = useDemoCase(notifyError);
  // Demo cases start workflows, as acceptance does: the API asks for case.accept (window clerks).
  const mayStart = useSession().can('case.accept');

  const onStart = async () => {
    const started = await start();
    if (started) void message.success(t('demoCase.started', { caseNo: started.caseNo }));
  };
  const onComplete = async () => {
    const completed = await complete();
    if (completed) void message.success(t('demoCase.completed', { caseNo: completed.caseNo }));
  };

  return (
    <Card title={t('demoCase.title')} data-testid="demo-case">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('demoCase.description')}</Typography.Text>
        {mayStart ? null : (
          <Alert type="info" showIcon title={t('demoCase.needsClerk')} data-testid="demo-case-needs-clerk" />
        )}
        <Space wrap>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={onStart}
            loading={pending === 'start'}
            disabled={!mayStart || pending !== undefined}
            data-testid="demo-case-start"
          >
            {t('demoCase.start')}
          </Button>
          <Button
            icon={<CheckOutlined />}
            onClick={onComplete}
            loading={pending === 'complete'}
            disabled={demoCase?.status !== 'waiting' || pending !== undefined}
            data-testid="demo-case-complete"
          >
            {t('demoCase.complete')}
          </Button>
        </Space>
        {demoCase ? (
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              {
                key: 'caseNo',
                label: t('demoCase.caseNo'),
                children: (
                  <Typography.Text copyable strong data-testid="demo-case-no">
                    {demoCase.caseNo}
                  </Typography.Text>
                ),
              },
              {
                key: 'status',
                label: t('demoCase.state'),
                children: (
                  <Tag
                    color={demoCase.status === 'completed' ? 'success' : 'processing'}
                    data-testid="demo-case-status"
                    data-state={demoCase.status}
                  >
                    {t(`demoCase.status.${demoCase.status}`)}
                  </Tag>
                ),
              },
            ]}
          />
        ) : (
          <Typography.Text type="secondary">{t('demoCase.empty')}</Typography.Text>
        )}
      </Space>
    </Card>
  );
}

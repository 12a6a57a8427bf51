import { Card, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSession } from '../../session/hooks/use-session';
import { leafWorkspaces, visibleTo } from '../workspaces';

/** The workspaces with one line each, marking those still under construction. */
export function WorkspaceDirectory() {
  const { t } = useTranslation();
  const { can } = useSession();
  return (
    <Card title={t('home.workspaces')} size="small">
      <List
        size="small"
        dataSource={leafWorkspaces.filter(visibleTo(can))}
        renderItem={(workspace) => {
          const Icon = workspace.icon;
          return (
            <List.Item key={workspace.key} extra={!workspace.ready && <Tag>{t('home.comingSoon')}</Tag>}>
              <List.Item.Meta
                avatar={<Icon />}
                title={<Link to={workspace.path}>{t(workspace.labelKey)}</Link>}
                description={
                  workspace.descriptionKey && (
                    <Typography.Text type="secondary">{t(workspace.descriptionKey)}</Typography.Text>
                  )
                }
              />
            </List.Item>
          );
        }}
      />
    </Card>
  );
}

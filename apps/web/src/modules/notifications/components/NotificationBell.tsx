import { useState } from 'react';
import { App, Badge, Button, Empty, List, Popover, Space, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Notification } from '@onewindow/contracts';
import { useSession } from '../../session/hooks/use-session';
import { markAllNotificationsRead, markNotificationsRead } from '../api/notifications.api';
import { useNotifications } from '../hooks/use-notifications';
import { centreTime } from '../../../ui/centre-day';

/**
 * 通知中心 in the header: a bell with the unread count, live through the department's task stream; the list
 * names each event, its case and when; opening one marks it read and goes to the case (or the supervision
 * workspace); 全部已读 marks them all. Only for users with an inbox (task.list) in a department.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { session, can } = useSession();
  const [open, setOpen] = useState(false);
  const department = session?.user.departmentCode ?? undefined;
  const allowed = session != null && can('task.list') && department !== undefined;
  const notifications = useNotifications(allowed ? department : undefined);
  if (!allowed) return null;
  const list = notifications.data;
  const unread = list?.unread ?? 0;

  const openOne = async (item: Notification) => {
    setOpen(false);
    if (!item.read) {
      try {
        await markNotificationsRead([item.id]);
      } catch {
        void message.error(t('notifications.markFailed'));
      }
      notifications.refresh();
    }
    void navigate(item.link);
  };
  const readAll = async () => {
    try {
      await markAllNotificationsRead();
    } catch {
      void message.error(t('notifications.markFailed'));
    }
    notifications.refresh();
  };

  const content = (
    <div style={{ width: 400 }} data-testid="notification-list">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Text strong>{t('notifications.title')}</Typography.Text>
        <Button size="small" type="link" disabled={unread === 0} onClick={() => void readAll()}>
          {t('notifications.markAllRead')}
        </Button>
      </Space>
      {list && list.items.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('notifications.empty', { days: list.horizonDays })}
        />
      ) : (
        <List
          size="small"
          loading={!list && notifications.loading}
          style={{ maxHeight: 420, overflowY: 'auto' }}
          dataSource={list?.items ?? []}
          renderItem={(item) => (
            <List.Item
              key={item.id}
              data-testid="notification-item"
              data-read={item.read ? 'true' : 'false'}
              onClick={() => void openOne(item)}
              style={{ cursor: 'pointer', background: item.read ? undefined : '#e6f4ff', paddingInline: 8 }}
            >
              <List.Item.Meta
                avatar={<Badge status={item.read ? 'default' : 'processing'} />}
                title={
                  <Space size={6} wrap>
                    <Typography.Text strong={!item.read}>
                      {t(`notifications.kinds.${item.kind}`)}
                    </Typography.Text>
                    <Typography.Link>{item.caseNo}</Typography.Link>
                  </Space>
                }
                description={
                  <Space orientation="vertical" size={0}>
                    {(item.actor || item.detail) && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {[item.actor, detailText(t, item)].filter(Boolean).join(' · ')}
                      </Typography.Text>
                    )}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {centreTime(item.at)}
                      {item.stepName ? ` · ${item.stepName}` : ''}
                    </Typography.Text>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );

  return (
    <Popover content={content} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
      <Button
        type="text"
        size="small"
        data-testid="notification-bell"
        aria-label={t('notifications.bell', { count: unread })}
        style={{ color: '#fff' }}
        icon={
          <Badge count={unread} size="small" overflowCount={99} offset={[4, -2]}>
            <BellOutlined style={{ color: '#fff', fontSize: 18 }} />
          </Badge>
        }
      />
    </Popover>
  );
}

/** The event's detail in words: the due date of a reminder, the materials, the deadline of an order. */
function detailText(
  t: (key: string, options?: Record<string, unknown>) => string,
  item: Notification,
): string | null {
  if (!item.detail) return null;
  switch (item.kind) {
    case 'reminder':
    case 'escalation':
      return t('notifications.due', { date: item.detail });
    case 'rectification_order':
      return t('notifications.deadline', { date: item.detail });
    case 'supplement_received':
      return t('notifications.materials', { materials: item.detail });
    case 'urge':
    case 'extension_decided':
    case 'assigned':
    case 'group_assigned':
    case 'claimed_by_other':
      return item.detail;
  }
}

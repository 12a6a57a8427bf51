import type { ReactNode } from 'react';
import { Card, Empty, Typography } from 'antd';

interface ComingSoonProps {
  title: string;
  description: string;
  action?: ReactNode;
}

/** Placeholder for a workspace that is not built yet: says so plainly and shows no data. */
export function ComingSoon({ title, description, action }: ComingSoonProps) {
  return (
    <Card data-testid="coming-soon">
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <>
            <Typography.Title level={2} style={{ fontSize: 18, marginBottom: 8 }}>
              {title}
            </Typography.Title>
            <Typography.Paragraph
              type="secondary"
              style={{ maxWidth: 560, margin: '0 auto', whiteSpace: 'pre-line' }}
            >
              {description}
            </Typography.Paragraph>
          </>
        }
      >
        {action}
      </Empty>
    </Card>
  );
}

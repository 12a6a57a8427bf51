import { Typography } from 'antd';

interface PageTitleProps {
  title: string;
  description?: string;
}

export function PageTitle({ title, description }: PageTitleProps) {
  return (
    <div style={{ marginBottom: 12 }}>
      <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>
        {title}
      </Typography.Title>
      {description && <Typography.Text type="secondary">{description}</Typography.Text>}
    </div>
  );
}

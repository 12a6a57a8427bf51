import { Alert, Button, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ApiErrorAlert } from '../../api-client/components/ApiErrorAlert';

/**
 * The head of a catalogue entries tab (证照类型, 一件事): what the tab is for, the create button, what the last save
 * did, and what failed (loading the list, opening an entry).
 */
export function CatalogueEntriesHeader(props: {
  hint: string;
  createLabel: string;
  onCreate: () => void;
  saved?: { message: string; testId: string };
  errors: unknown[];
}) {
  // Its own vertical Space: the tab's Space would not set its gaps between the children of a fragment.
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {props.hint}
      </Typography.Paragraph>
      <Space>
        <Button type="primary" icon={<PlusOutlined />} onClick={props.onCreate}>
          {props.createLabel}
        </Button>
      </Space>
      {props.saved && (
        <Alert type="success" showIcon data-testid={props.saved.testId} title={props.saved.message} />
      )}
      {props.errors.map((error, i) => error !== undefined && <ApiErrorAlert key={i} error={error} />)}
    </Space>
  );
}

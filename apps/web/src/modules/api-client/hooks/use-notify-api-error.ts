import { useCallback } from 'react';
import { App } from 'antd';
import { useDescribeApiError } from './use-describe-api-error';

/** Shows a failed action as a transient antd message, in the user's language. */
export function useNotifyApiError(): (error: unknown) => void {
  const { message } = App.useApp();
  const describe = useDescribeApiError();
  return useCallback(
    (error: unknown) => {
      const { title, detail } = describe(error);
      void message.error(detail ? `${title}：${detail}` : title);
    },
    [describe, message],
  );
}

import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api-error';

export interface ApiErrorDescription {
  /** Short, in the user's language, chosen by kind and HTTP status. */
  title: string;
  /** The server's own detail (problem.detail), when it sent one. */
  detail?: string;
  fieldErrors: { path: string; message: string }[];
  requestId?: string;
}

const knownStatuses = new Set([400, 401, 403, 404, 409, 422, 429, 500, 502, 503, 504]);

export function useDescribeApiError(): (error: unknown) => ApiErrorDescription {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown): ApiErrorDescription => {
      if (!isApiError(error)) return { title: t('errors.network'), fieldErrors: [] };
      if (error.kind === 'network') return { title: t('errors.network'), fieldErrors: [] };
      if (error.kind === 'contract') return { title: t('errors.contract'), fieldErrors: [] };
      const { status, problem } = error;
      const title = knownStatuses.has(status)
        ? t(`errors.status.${status}`)
        : t('errors.requestFailed', { status });
      return {
        title,
        detail: problem?.detail || problem?.title,
        fieldErrors: problem?.errors ?? [],
        requestId: problem?.requestId,
      };
    },
    [t],
  );
}

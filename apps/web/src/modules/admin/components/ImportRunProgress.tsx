import { useEffect, useState } from 'react';
import { Alert, Progress, Space, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../api-client/components/ApiErrorAlert';
import { fetchImportRun, type CatalogueImportRun } from '../api/admin.api';

/** How often the run is asked for while it runs. */
const POLL_MS = 400;

/** Where a confirmed import is: the file going up (its bytes), then the run on the server. */
export type ImportRunState =
  { stage: 'upload'; loaded: number; total: number } | { stage: 'run'; run: CatalogueImportRun };

const PHASES = ['parse', 'validate', 'write'] as const;

const percentOf = (done: number, total: number | null) =>
  total ? Math.min(100, Math.floor((done / total) * 100)) : 0;

/**
 * The confirmed import's progress: 上传 (the upload's own bytes), then 解析 / 校验 / 写入 with the rows or entries
 * done of their total, polled from GET /api/catalogue/import-runs/:id until the run has finished. `onFinished`
 * gets the finished run (succeeded, or failed with its Chinese reason: nothing was changed then).
 */
export function ImportRunProgress({
  state,
  onRun,
}: {
  state: ImportRunState;
  onRun: (run: CatalogueImportRun) => void;
}) {
  const { t } = useTranslation();
  const [pollError, setPollError] = useState<unknown>();
  const runId = state.stage === 'run' ? state.run.id : undefined;
  const running = state.stage === 'run' && state.run.status === 'running';

  useEffect(() => {
    if (!runId || !running) return undefined;
    let stopped = false;
    const timer = setTimeout(() => {
      fetchImportRun(runId)
        .then((run) => {
          if (!stopped) onRun(run);
        })
        .catch((error: unknown) => {
          if (!stopped) setPollError(error);
        });
    }, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // Each answer is a new run object: the next poll follows it.
  }, [runId, running, state, onRun]);

  const current = state.stage === 'upload' ? 0 : PHASES.indexOf(state.run.phase) + 1;
  const failed = state.stage === 'run' && state.run.status === 'failed';
  const succeeded = state.stage === 'run' && state.run.status === 'succeeded';
  const percent =
    state.stage === 'upload'
      ? percentOf(state.loaded, state.total)
      : percentOf(state.run.done, state.run.total);
  const detail =
    state.stage === 'upload'
      ? t('admin.catalogue.run.uploaded', {
          loaded: (state.loaded / 1024 / 1024).toFixed(1),
          total: (state.total / 1024 / 1024).toFixed(1),
        })
      : state.run.total === null
        ? t(`admin.catalogue.run.${state.run.phase}Starting`)
        : t(`admin.catalogue.run.${state.run.phase}Count`, {
            done: state.run.done.toLocaleString('zh-CN'),
            total: state.run.total.toLocaleString('zh-CN'),
          });

  return (
    <Space orientation="vertical" style={{ width: '100%', maxWidth: 720 }} data-testid="catalogue-import-run">
      <Steps
        size="small"
        current={succeeded ? PHASES.length : current}
        status={failed ? 'error' : succeeded ? 'finish' : 'process'}
        items={[
          { title: t('admin.catalogue.run.upload') },
          ...PHASES.map((phase) => ({ title: t(`admin.catalogue.run.${phase}`) })),
        ]}
      />
      {!succeeded && (
        <div data-testid="catalogue-import-progress">
          <Progress
            percent={percent}
            status={failed ? 'exception' : 'active'}
            aria-label={t('admin.catalogue.run.progressLabel')}
          />
          <Typography.Text type="secondary">{detail}</Typography.Text>
        </div>
      )}
      {failed && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="catalogue-import-failed"
          title={state.run.reason ?? t('admin.catalogue.run.failed')}
        />
      )}
      {pollError !== undefined && <ApiErrorAlert error={pollError} />}
    </Space>
  );
}

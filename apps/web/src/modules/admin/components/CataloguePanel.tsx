import { useCallback, useState } from 'react';
import {
  Alert,
  Button,
  Dropdown,
  Modal,
  Space,
  Table,
  Tabs,
  Typography,
  Upload,
  type UploadFile,
  type GetProp,
  type UploadProps,
} from 'antd';
import { CheckCircleOutlined, DownloadOutlined, FileSearchOutlined, UploadOutlined } from '@ant-design/icons';
import { problemSchema, type Problem } from '@onewindow/contracts';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { ApiError, isApiError } from '../../api-client/api-error';
import { ApiErrorAlert } from '../../api-client/components/ApiErrorAlert';
import { useSubmission } from '../../api-client/hooks/use-submission';
import { useSession } from '../../session/hooks/use-session';
import { ItemVersionForm } from './ItemVersionForm';
import { catalogueImportRunSchema, type CatalogueImportRun } from '../api/admin.api';
import { ImportRunProgress, type ImportRunState } from './ImportRunProgress';
import { CertificateTypesTab } from './CertificateTypesTab';
import { BundlesTab } from './BundlesTab';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The CSV sheets as JSON under the import's own type (read up to 20 MB, beyond the API's 1 MiB for JSON). */
const CSV_JSON = 'application/vnd.onewindow.catalogue-csv+json';
/** The API's limit for one import (express.raw in catalogue-io.router.ts). */
const MAX_BYTES = 20 * 1024 * 1024;
/** The sheets of the catalogue layout (libs/catalogue-io), in export order; one CSV file each. */
const SHEETS = [
  '部门',
  '证照类型',
  '材料',
  '事项',
  '事项收费',
  '事项结果',
  '事项材料',
  '一件事',
  '一件事事项',
  '一件事表单',
];

const itemRefSchema = z.object({ itemKey: z.string(), name: z.string() });
const dryRunSchema = z.object({
  applied: z.literal(false),
  items: z.number(),
  bundles: z.number(),
  itemsAdded: z.number(),
  itemsChanged: z.number(),
  itemsUnchanged: z.number(),
  added: z.array(itemRefSchema),
  changed: z.array(itemRefSchema),
});
type DryRun = z.infer<typeof dryRunSchema>;
type Applied = NonNullable<CatalogueImportRun['result']>;

/** The chosen files as the import route takes them: one XLSX workbook, or the sheets' CSV texts by file name. */
type ImportFiles = { kind: 'xlsx'; file: File } | { kind: 'csv'; files: File[] };

/** The request body of an upload and its type: the workbook as it is, or the CSV texts by file name as JSON. */
async function uploadBody(upload: ImportFiles): Promise<{ body: Blob | string; type: string }> {
  if (upload.kind === 'xlsx') return { body: upload.file, type: XLSX };
  const files = Object.fromEntries(
    await Promise.all(upload.files.map(async (f) => [f.name, await f.text()] as const)),
  );
  return { body: JSON.stringify({ format: 'csv', files }), type: CSV_JSON };
}

/**
 * Sends the upload to POST /api/catalogue/import?dryRun=true. The body is a workbook or JSON of a type of its own,
 * which apiClient (application/json only) cannot send: same headers and the same ApiError on a problem answer.
 */
async function sendDryRun<T extends z.ZodType>(
  upload: ImportFiles,
  csrfToken: string,
  schema: T,
): Promise<z.infer<T>> {
  const { body, type } = await uploadBody(upload);
  let response: Response;
  try {
    response = await fetch('/api/catalogue/import?dryRun=true', {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json, application/problem+json',
        'Content-Type': type,
        'X-CSRF-Token': csrfToken,
      },
      body,
    });
  } catch (cause) {
    throw new ApiError('network', 0, undefined, { cause });
  }
  const answer: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const problem = problemSchema.safeParse(answer);
    throw new ApiError('problem', response.status, problem.success ? problem.data : undefined);
  }
  const parsed = schema.safeParse(answer);
  if (!parsed.success) throw new ApiError('contract', response.status, undefined, { cause: parsed.error });
  return parsed.data;
}

/**
 * Starts the confirmed import as a run (POST /api/catalogue/import-runs): XMLHttpRequest, since fetch tells nothing
 * of an upload's progress. `onUpload` gets the bytes sent of the body's size while the file goes up.
 */
async function startImportRun(
  upload: ImportFiles,
  csrfToken: string,
  onUpload: (loaded: number, total: number) => void,
): Promise<CatalogueImportRun> {
  const { body, type } = await uploadBody(upload);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/catalogue/import-runs');
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('Content-Type', type);
    xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onUpload(e.loaded, e.total);
    };
    xhr.onerror = () => reject(new ApiError('network', 0));
    xhr.onload = () => {
      let parsedBody: unknown;
      try {
        parsedBody = JSON.parse(xhr.responseText);
      } catch {
        parsedBody = undefined;
      }
      if (xhr.status >= 400) {
        const problem = problemSchema.safeParse(parsedBody);
        reject(new ApiError('problem', xhr.status, problem.success ? problem.data : undefined));
        return;
      }
      const run = catalogueImportRunSchema.safeParse(parsedBody);
      if (run.success) resolve(run.data);
      else reject(new ApiError('contract', xhr.status, undefined, { cause: run.error }));
    };
    xhr.send(body);
  });
}

type RcFile = Parameters<GetProp<UploadProps, 'beforeUpload'>>[0];

const isXlsx = (name: string) => /\.xlsx$/i.test(name);

/** Checks the chosen files before anything is sent; the reason in the user's language, or undefined when fine. */
function checkFiles(files: File[], t: (key: string, options?: Record<string, unknown>) => string) {
  if (files.length === 0) return t('admin.catalogue.noFile');
  const tooLarge = files.find((f) => f.size > MAX_BYTES);
  if (tooLarge)
    return t('admin.catalogue.tooLarge', {
      name: tooLarge.name,
      size: (tooLarge.size / 1024 / 1024).toFixed(1),
    });
  const odd = files.find((f) => !/\.(xlsx|csv)$/i.test(f.name));
  if (odd) return t('admin.catalogue.wrongType', { name: odd.name });
  if (files.length > 1 && files.some((f) => isXlsx(f.name))) return t('admin.catalogue.mixed');
  return undefined;
}

const toUpload = (files: File[]): ImportFiles =>
  isXlsx(files[0].name) ? { kind: 'xlsx', file: files[0] } : { kind: 'csv', files };

/** A cell's problem as the API words it; a missing sheet and an unreadable file (coded) in the user's language. */
function CellMessage({ cell }: { cell: NonNullable<Problem['errors']>[number] }) {
  const { t } = useTranslation();
  if (cell.code === 'catalogue.missingSheet')
    return <>{t('admin.catalogue.missingSheet', { sheet: cell.params?.sheet ?? cell.path })}</>;
  if (cell.code === 'catalogue.unreadable') return <>{t('admin.catalogue.unreadable')}</>;
  return <>{cell.message}</>;
}

/** The cells to fix (`sheet!cell`, message), as the dry run and a failed import run give them. */
function CellsTable({ cells }: { cells: NonNullable<Problem['errors']> }) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      rowKey={(cell) => `${cell.path} ${cell.message}`}
      dataSource={cells}
      pagination={{ defaultPageSize: 20, hideOnSinglePage: true, showSizeChanger: true }}
      columns={[
        {
          title: t('admin.catalogue.cell'),
          dataIndex: 'path',
          width: 160,
          render: (path: string) => (
            <Typography.Text code>{path === 'file' ? t('admin.catalogue.wholeFile') : path}</Typography.Text>
          ),
        },
        {
          title: t('admin.catalogue.message'),
          key: 'message',
          render: (_, cell) => <CellMessage cell={cell} />,
        },
      ]}
    />
  );
}

/** What went wrong in the user's language: the cells to fix, or why the file was refused as a whole. */
function ImportFailure({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!isApiError(error) || error.kind !== 'problem') return <ApiErrorAlert error={error} />;
  const cells = error.status === 422 ? (error.problem?.errors ?? []) : [];
  if (cells.length > 0)
    return (
      <Space orientation="vertical" style={{ width: '100%' }} data-testid="catalogue-errors">
        <Alert
          type="error"
          showIcon
          title={t('admin.catalogue.errorsTitle', { n: cells.length })}
          description={t('admin.catalogue.errorsHint')}
        />
        <CellsTable cells={cells} />
      </Space>
    );
  const reason =
    error.status === 413
      ? t('admin.catalogue.tooLargeServer')
      : error.status === 400
        ? t('admin.catalogue.unreadable')
        : undefined;
  if (!reason) return <ApiErrorAlert error={error} />;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="catalogue-refused"
      title={reason}
      description={error.problem?.detail}
    />
  );
}

/** What the import would do to the items: counts, and the items added or changed (the rest stay as they are). */
function DryRunChanges({ result }: { result: DryRun }) {
  const { t } = useTranslation();
  const rows = [
    ...result.added.map((item) => ({ ...item, change: t('admin.catalogue.added') })),
    ...result.changed.map((item) => ({ ...item, change: t('admin.catalogue.changed') })),
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <span>
        {t('admin.catalogue.wouldChange', {
          added: result.itemsAdded,
          changed: result.itemsChanged,
          unchanged: result.itemsUnchanged,
        })}
      </span>
      {rows.length > 0 && (
        <Table
          size="small"
          rowKey="itemKey"
          data-testid="catalogue-changes"
          dataSource={rows}
          pagination={{ defaultPageSize: 10, hideOnSinglePage: true }}
          columns={[
            { title: t('admin.catalogue.change'), dataIndex: 'change', width: 90 },
            { title: t('admin.catalogue.itemKey'), dataIndex: 'itemKey', width: 320 },
            { title: t('admin.catalogue.itemName'), dataIndex: 'name' },
          ]}
        />
      )}
    </Space>
  );
}

/**
 * 目录管理: tabs for the items (export; import a workbook or CSV sheets — a dry run first, then the confirmed import
 * as a run with its progress, all or nothing; edit one item as a new version), the certificate types and the
 * bundles (一件事).
 */
export function CataloguePanel() {
  const { t } = useTranslation();
  return (
    <Tabs
      data-testid="catalogue-tabs"
      items={[
        { key: 'items', label: t('admin.catalogue.tabs.items'), children: <ItemsAndImport /> },
        {
          key: 'certificate-types',
          label: t('admin.catalogue.tabs.certificateTypes'),
          children: <CertificateTypesTab />,
        },
        { key: 'bundles', label: t('admin.catalogue.tabs.bundles'), children: <BundlesTab /> },
      ]}
    />
  );
}

function ItemsAndImport() {
  const { t } = useTranslation();
  const { session } = useSession();
  const [fileList, setFileList] = useState<UploadFile[]>([]);
  const [fileProblem, setFileProblem] = useState<string>();
  const [checked, setChecked] = useState<{ upload: ImportFiles; result: DryRun }>();
  const [applied, setApplied] = useState<Applied>();
  const [confirming, setConfirming] = useState(false);
  const [runState, setRunState] = useState<ImportRunState>();
  const dryRun = useSubmission();
  const importing = useSubmission();
  const running =
    runState !== undefined && (runState.stage === 'upload' || runState.run.status === 'running');
  const csrfToken = session?.csrfToken ?? '';

  const files = fileList.map((f) => f.originFileObj).filter((f) => f !== undefined);
  /** Each choice replaces the files chosen before: one workbook, or the CSV files of the sheets chosen together. */
  const choose = (batch: RcFile[]) => {
    setFileList(batch.map((file) => ({ uid: file.uid, name: file.name, originFileObj: file })));
    setChecked(undefined);
    setApplied(undefined);
    setFileProblem(undefined);
    setRunState(undefined);
  };

  const check = async () => {
    setChecked(undefined);
    setApplied(undefined);
    setRunState(undefined);
    const problem = checkFiles(files, t);
    setFileProblem(problem);
    if (problem) return;
    const upload = toUpload(files);
    const result = await dryRun.run(() => sendDryRun(upload, csrfToken, dryRunSchema));
    if (result) setChecked({ upload, result });
  };
  const onRun = useCallback((run: CatalogueImportRun) => {
    setRunState({ stage: 'run', run });
    if (run.status === 'succeeded' && run.result) {
      setApplied(run.result);
      setChecked(undefined);
    }
  }, []);
  const confirm = async () => {
    if (!checked) return;
    setConfirming(false);
    setApplied(undefined);
    setRunState({ stage: 'upload', loaded: 0, total: 1 });
    const run = await importing.run(() =>
      startImportRun(checked.upload, csrfToken, (loaded, total) =>
        setRunState({ stage: 'upload', loaded, total }),
      ),
    );
    if (run) onRun(run);
    else setRunState(undefined);
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="catalogue-panel">
      <Space wrap>
        <Button icon={<DownloadOutlined />} href="/api/catalogue/export?format=xlsx" download>
          {t('admin.catalogue.exportXlsx')}
        </Button>
        <Dropdown
          menu={{
            items: SHEETS.map((sheet) => ({
              key: sheet,
              label: (
                <a href={`/api/catalogue/export?format=csv&sheet=${encodeURIComponent(sheet)}`} download>
                  {sheet}.csv
                </a>
              ),
            })),
          }}
        >
          <Button icon={<DownloadOutlined />}>{t('admin.catalogue.exportCsv')}</Button>
        </Dropdown>
      </Space>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('admin.catalogue.importTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('admin.catalogue.importHint')}
      </Typography.Paragraph>
      <Upload
        multiple
        accept=".xlsx,.csv"
        fileList={fileList}
        beforeUpload={(file, batch) => {
          if (file === batch[0]) choose(batch);
          return false;
        }}
        onRemove={(removed) => setFileList((list) => list.filter((f) => f.uid !== removed.uid))}
      >
        <Button icon={<UploadOutlined />}>{t('admin.catalogue.choose')}</Button>
      </Upload>
      <Button
        type="primary"
        icon={<FileSearchOutlined />}
        loading={dryRun.pending}
        disabled={files.length === 0 || running}
        onClick={() => void check()}
      >
        {t('admin.catalogue.dryRun')}
      </Button>
      {fileProblem && (
        <Alert type="error" showIcon role="alert" data-testid="catalogue-refused" title={fileProblem} />
      )}
      {dryRun.error !== undefined && <ImportFailure error={dryRun.error} />}
      {importing.error !== undefined && <ImportFailure error={importing.error} />}
      {checked && !running && (
        <Alert
          type="info"
          showIcon
          data-testid="catalogue-dry-run"
          title={t('admin.catalogue.dryRunOk', {
            items: checked.result.items,
            bundles: checked.result.bundles,
          })}
          description={<DryRunChanges result={checked.result} />}
          action={
            <Button type="primary" icon={<CheckCircleOutlined />} onClick={() => setConfirming(true)}>
              {t('admin.catalogue.confirm')}
            </Button>
          }
        />
      )}
      {runState && <ImportRunProgress state={runState} onRun={onRun} />}
      {runState?.stage === 'run' && runState.run.errors && runState.run.errors.length > 0 && (
        <CellsTable cells={runState.run.errors} />
      )}
      {applied && (
        <Alert
          type="success"
          showIcon
          data-testid="catalogue-applied"
          title={t('admin.catalogue.applied', {
            added: applied.itemsAdded,
            changed: applied.itemsChanged,
            unchanged: applied.itemsUnchanged,
            version: applied.catalogueVersionId,
          })}
        />
      )}
      <Typography.Title level={5} style={{ margin: '16px 0 0' }}>
        {t('admin.catalogue.edit.title')}
      </Typography.Title>
      <ItemVersionForm />
      <Modal
        open={confirming}
        title={t('admin.catalogue.confirmTitle')}
        okText={t('admin.catalogue.confirm')}
        cancelText={t('admin.cancel')}
        mask={{ closable: false }}
        onOk={() => void confirm()}
        onCancel={() => setConfirming(false)}
        data-testid="catalogue-confirm"
      >
        {t('admin.catalogue.confirmBody', { items: checked?.result.items ?? 0 })}
      </Modal>
    </Space>
  );
}

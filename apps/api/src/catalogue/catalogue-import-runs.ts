import crypto from 'node:crypto';
import {
  importCatalogueCsvWithProgress,
  importCatalogueXlsx,
  type CatalogueImportResult,
  type ImportProgress,
} from '@onewindow/catalogue-io';
import { recordAudit, type AuditInput } from '@onewindow/audit';
import { applyCatalogue, type CatalogueApplyResult, type Db } from '@onewindow/db';
import type { Logger } from 'pino';
import { importError, type CatalogueUpload } from './catalogue-upload';

/** An import of a catalogue file confirmed after its dry run, as the progress bar polls it. */
export interface CatalogueImportRun {
  id: string;
  status: 'running' | 'succeeded' | 'failed';
  /** 解析 (reading the file), 校验 (the standards' rules), 写入 (the database, one transaction). */
  phase: 'parse' | 'validate' | 'write';
  /** Rows read (parse), data rows checked (validate), entries written (write); total null while unknown. */
  done: number;
  total: number | null;
  startedBy: string;
  startedAt: string;
  finishedAt?: string;
  /** What the import did, once it succeeded. */
  result?: CatalogueApplyResult;
  /** Why it failed, in Chinese; nothing was changed then. */
  reason?: string;
  /** The cells to fix when the file no longer passes its check (`sheet!cell`, message), as the dry run gives them. */
  errors?: ReturnType<typeof importError>[];
}

/** Runs kept per process (the newest); an older one answers 404. */
const KEPT = 20;

const registries = new WeakMap<Db, Map<string, CatalogueImportRun>>();
const registryOf = (db: Db) => {
  let runs = registries.get(db);
  if (!runs) registries.set(db, (runs = new Map()));
  return runs;
};

export const findImportRun = (db: Db, id: string): CatalogueImportRun | undefined => registryOf(db).get(id);

/** The import run still going in this process, if any: one at a time, so that two do not race to write. */
export const runningImport = (db: Db): CatalogueImportRun | undefined =>
  [...registryOf(db).values()].find((r) => r.status === 'running');

/**
 * Starts importing an uploaded catalogue in the background and returns the run at once: it reads the file, checks
 * it and writes it in ONE transaction (applyCatalogue), telling the run how far each phase has come. A failure at
 * any point leaves the catalogue as it was, and the run says why in Chinese. Kept in this process's memory only,
 * like the calendar refresh runs (docs/decisions/0018, 0024).
 */
export function startImportRun(
  deps: { db: Db; logger: Logger },
  upload: CatalogueUpload,
  startedBy: string,
  /** The starting request's audit context: the outcome is recorded with it as `catalogue.import_finished`. */
  audit: Pick<AuditInput, 'actorUserId' | 'ip' | 'requestId'>,
): CatalogueImportRun {
  const runs = registryOf(deps.db);
  const run: CatalogueImportRun = {
    id: crypto.randomUUID(),
    status: 'running',
    phase: 'parse',
    done: 0,
    total: null,
    startedBy,
    startedAt: new Date().toISOString(),
  };
  runs.set(run.id, run);
  for (const old of [...runs.keys()].slice(0, Math.max(0, runs.size - KEPT))) runs.delete(old);
  const onProgress = (p: ImportProgress) => {
    run.phase = p.phase;
    run.done = p.done;
    run.total = p.total;
  };
  const finish = async (outcome: Pick<CatalogueImportRun, 'status' | 'reason' | 'errors' | 'result'>) => {
    // The outcome goes into the audit chain before the run says it is finished.
    await recordAudit(deps.db, {
      ...audit,
      action: 'catalogue.import_finished',
      target: `catalogue-import-run:${run.id}`,
      payload: { status: outcome.status, result: outcome.result, reason: outcome.reason },
    }).catch((error: unknown) =>
      deps.logger.error({ err: error, run: run.id }, 'the import run outcome could not be audited'),
    );
    Object.assign(run, outcome, { finishedAt: new Date().toISOString() });
  };
  void (async () => {
    let checked: CatalogueImportResult;
    try {
      checked =
        upload.kind === 'xlsx'
          ? await importCatalogueXlsx(upload.body, onProgress)
          : await importCatalogueCsvWithProgress(upload.files, onProgress);
    } catch (error) {
      deps.logger.error({ err: error, run: run.id }, 'catalogue import could not be read');
      await finish({ status: 'failed', reason: `文件读取失败，目录未作任何改动：${messageOf(error)}` });
      return;
    }
    if (!checked.ok) {
      const errors = checked.issues.map(importError);
      await finish({
        status: 'failed',
        reason: `文件未通过检查，目录未作任何改动：${errors.length} 处需要修改，见下表（工作表!单元格）。`,
        errors,
      });
      return;
    }
    run.phase = 'write';
    run.done = 0;
    run.total = null;
    try {
      const result = await applyCatalogue(
        deps.db,
        checked.catalogue,
        { label: 'spreadsheet import', source: 'import', createdBy: startedBy },
        (written, total) => {
          run.done = written;
          run.total = total;
        },
      );
      await finish({ status: 'succeeded', result });
    } catch (error) {
      deps.logger.error({ err: error, run: run.id }, 'catalogue import failed while writing; rolled back');
      await finish({
        status: 'failed',
        reason: `写入数据库时失败，已全部撤销，目录未作任何改动：${messageOf(error)}`,
      });
    }
  })();
  return run;
}

/** A database error's own words (Prisma's last line names the cause), else the error's message. */
function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  return (lines.at(-1) ?? text).trim().slice(0, 500);
}

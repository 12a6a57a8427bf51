import ExcelJS from 'exceljs';
import type {
  DemandAnalytics,
  DemandExportTable,
  SupervisionExportTable,
  SupervisionFigures,
  SupervisionOverview,
} from '@onewindow/contracts';

type Cell = string | number | null;
export interface Sheet {
  name: string;
  headers: string[];
  rows: Cell[][];
}

const names = (people: { id: string; name: string }[]) => people.map((p) => p.name).join('、');
const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

function taskSheet(name: string, tasks: SupervisionOverview['overdue']): Sheet {
  return {
    name,
    headers: ['案件号', '环节', '部门', '办理人', '到期日', '剩余工作日', '法定办结日', '催办次数'],
    rows: tasks.map((t) => [
      t.caseNo,
      t.stepName,
      t.departmentName,
      names(t.holders),
      t.dueDate,
      t.workingDaysLeft,
      t.statutoryDueDate,
      t.reminders,
    ]),
  };
}

/** One table of the supervision workspace as its rows, with the same Chinese headers as the page. */
function sheetOf(
  table: SupervisionExportTable,
  overview: SupervisionOverview | undefined,
  figures: SupervisionFigures | undefined,
): Sheet {
  switch (table) {
    case 'overdue':
      return taskSheet('超期', overview?.overdue ?? []);
    case 'at-risk':
      return taskSheet('临期', overview?.atRisk ?? []);
    case 'escalations':
      return {
        name: '超期督办',
        headers: ['案件号', '环节', '部门', '部门负责人', '到期日', '督办时间', '仍在办'],
        rows: (overview?.escalations ?? []).map((e) => [
          e.caseNo,
          e.stepId,
          e.departmentName,
          names(e.leads),
          e.dueDate,
          e.escalatedAt,
          e.open ? '是' : '否',
        ]),
      };
    case 'extensions':
      return {
        name: '延期申请',
        headers: ['案件号', '环节', '部门', '申请延长(工作日)', '理由', '申请人', '申请时间', '法定办结日'],
        rows: (overview?.extensions ?? []).map((x) => [
          x.caseNo,
          x.stepName,
          x.departmentName,
          x.days,
          x.reason,
          x.requestedBy.name,
          x.requestedAt,
          x.statutoryDueDate,
        ]),
      };
    case 'figures':
      return {
        name: '部门指标',
        headers: [
          '部门代码',
          '部门',
          '在办',
          '本周到期',
          '超期',
          '期内办结',
          '按时办结',
          '按时办结率(%)',
          '终止办理',
          '平均用时(工作日)',
          '平均法定时限(工作日)',
          '平均承诺时限(工作日)',
        ],
        rows: (figures?.departments ?? []).map((d) => [
          d.departmentCode,
          d.departmentName,
          d.open,
          d.dueThisWeek,
          d.overdue,
          d.closed,
          d.onTime,
          percent(d.onTimeRate),
          d.terminated,
          d.avgWorkingDaysUsed,
          d.avgStatutoryLimit,
          d.avgPromisedLimit,
        ]),
      };
  }
}

const weekdays = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/** One table of the demand analytics tab, with the page's Chinese headers. */
function demandSheet(table: DemandExportTable, d: DemandAnalytics): Sheet {
  switch (table) {
    case 'demand-items':
      return {
        name: '热门事项',
        headers: ['实施编码', '事项', '部门代码', '受理件数'],
        rows: d.items.map((i) => [i.implementationCode, i.name, i.departmentCode, i.cases]),
      };
    case 'demand-bundles':
      return {
        name: '热门一件事',
        headers: ['一件事编码', '一件事', '受理件数'],
        rows: d.bundles.map((b) => [b.bundleCode, b.name, b.cases]),
      };
    case 'demand-reuse-types':
      return {
        name: '免提交-按证照',
        headers: ['证照类型代码', '证照类型', '免提交材料数'],
        rows: d.reuseByType.map((r) => [r.typeCode, r.typeName, r.reused]),
      };
    case 'demand-reuse-months':
      return {
        name: '免提交-按月',
        headers: ['月份', '免提交材料数', '应交材料数', '免提交占比(%)'],
        rows: d.reuseByMonth.map((r) => [
          r.month,
          r.reused,
          r.materials,
          r.materials === 0 ? null : Math.round((r.reused / r.materials) * 1000) / 10,
        ]),
      };
    case 'demand-acceptances':
      return {
        name: '受理时段',
        headers: ['星期', '时', '受理件数'],
        rows: d.acceptances.map((a) => [weekdays[a.weekday], a.hour, a.cases]),
      };
    case 'demand-handling':
      return {
        name: '办理时长',
        headers: [
          '实施编码',
          '事项',
          '办结件数',
          '法定时限(工作日)',
          '承诺时限(工作日)',
          '平均用时(工作日)',
          '承诺压缩(%)',
          '实际压缩(%)',
        ],
        rows: d.handling.map((h) => [
          h.implementationCode,
          h.name,
          h.decided,
          h.statutoryLimit,
          h.promisedLimit,
          h.avgWorkingDays,
          percent(h.promisedCompression),
          percent(h.measuredCompression),
        ]),
      };
  }
}

/** A demand analytics table as an XLSX workbook. */
export function demandXlsx(table: DemandExportTable, demand: DemandAnalytics) {
  return workbookOf(demandSheet(table, demand));
}

/** The table as an XLSX workbook: one sheet, a bold frozen header, case numbers and codes as text. */
export function supervisionXlsx(
  table: SupervisionExportTable,
  overview: SupervisionOverview | undefined,
  figures: SupervisionFigures | undefined,
): Promise<{ buffer: Buffer; fileName: string }> {
  return workbookOf(sheetOf(table, overview, figures));
}

/** One sheet as an XLSX workbook: a bold frozen header, the first column (case numbers, codes) as text. */
export async function workbookOf(sheet: Sheet): Promise<{ buffer: Buffer; fileName: string }> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'OneWindow';
  wb.created = new Date(0);
  const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(sheet.headers);
  for (const row of sheet.rows) ws.addRow(row);
  ws.getRow(1).font = { bold: true };
  sheet.headers.forEach((h, i) => {
    ws.getColumn(i + 1).width = Math.min(40, Math.max(10, h.length * 2 + 4));
  });
  ws.getColumn(1).numFmt = '@';
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), fileName: `督办-${sheet.name}.xlsx` };
}

/** How a column's text maps to a value: plain text, whole number, 是/否, a list, or a labelled code set. */
export type CellType =
  | { kind: 'text' }
  | { kind: 'int' }
  | { kind: 'bool' }
  | { kind: 'list' }
  | { kind: 'enum'; labels: Readonly<Record<string, string>> };

export const text: CellType = { kind: 'text' };
export const int: CellType = { kind: 'int' };
export const bool: CellType = { kind: 'bool' };
export const list: CellType = { kind: 'list' };
/** labels: value → Chinese label; import accepts either, export writes the label. */
export const labelled = (labels: Readonly<Record<string, string>>): CellType => ({ kind: 'enum', labels });

const TRUE = new Set(['是', 'true', 'TRUE', '1', 'Y', 'y']);
const FALSE = new Set(['否', 'false', 'FALSE', '0', 'N', 'n']);

/** A refusal says what was expected in English (`expected`) and in Chinese (`message`). */
export type CellParse = { ok: true; value: unknown } | { ok: false; expected: string; message: string };

/** Parses trimmed, non-empty cell text. */
export function parseCell(type: CellType, raw: string): CellParse {
  switch (type.kind) {
    case 'text':
      return { ok: true, value: raw };
    case 'int':
      return /^\d{1,6}$/.test(raw)
        ? { ok: true, value: Number(raw) }
        : { ok: false, expected: 'a whole number (0 or more)', message: '应填写 0 或以上的整数，例如 20' };
    case 'bool':
      if (TRUE.has(raw)) return { ok: true, value: true };
      if (FALSE.has(raw)) return { ok: true, value: false };
      return { ok: false, expected: '是 or 否', message: '应填写“是”或“否”' };
    case 'list':
      return {
        ok: true,
        value: raw
          .split(/[;；]/)
          .map((s) => s.trim())
          .filter((s) => s.length > 0),
      };
    case 'enum': {
      for (const [value, label] of Object.entries(type.labels))
        if (raw === label || raw === value) return { ok: true, value };
      return {
        ok: false,
        expected: `one of ${Object.values(type.labels).join(', ')}`,
        message: `应为以下之一：${Object.values(type.labels).join('、')}`,
      };
    }
  }
}

/** Formats a value for a cell; undefined becomes an empty cell. */
export function formatCell(type: CellType, value: unknown): string | number {
  if (value === undefined || value === null) return '';
  switch (type.kind) {
    case 'int':
      return value as number;
    case 'bool':
      return value ? '是' : '否';
    case 'list':
      return (value as string[]).join(';');
    case 'enum':
      return type.labels[value as string] ?? String(value);
    default:
      return String(value);
  }
}

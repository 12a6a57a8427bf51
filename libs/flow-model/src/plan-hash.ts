// @noble/hashes is pure JS (no Node built-ins), so it also runs inside the Temporal workflow sandbox.
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import type { ServicePlan } from './service-plan.schema';

/**
 * JSON with object keys sorted, so equal plans serialise (and hash) equally. Iterative (an explicit stack,
 * no recursion): input nested thousands of levels deep is serialised, never a stack overflow. The output is
 * byte for byte that of the recursive definition it replaced (pinned plan hashes stay valid), down to its
 * quirks for values JSON has no text for (a function: `undefined` as an object's value, empty in an array).
 */
export function canonicalJson(value: unknown): string {
  if (!value || typeof value !== 'object') return JSON.stringify(value);
  type Task = string | { value: unknown; inObject: boolean };
  const out: string[] = [];
  const todo: Task[] = [{ value, inObject: false }];
  while (todo.length > 0) {
    const task = todo.pop()!;
    if (typeof task === 'string') {
      out.push(task);
      continue;
    }
    const v = task.value;
    if (Array.isArray(v)) {
      todo.push(']');
      for (let i = v.length - 1; i >= 0; i--) {
        todo.push({ value: v[i], inObject: false });
        if (i > 0) todo.push(',');
      }
      todo.push('[');
    } else if (v && typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>)
        .filter(([, e]) => e !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      todo.push('}');
      for (let i = entries.length - 1; i >= 0; i--) {
        todo.push({ value: entries[i][1], inObject: true });
        todo.push(`${JSON.stringify(entries[i][0])}:`);
        if (i > 0) todo.push(',');
      }
      todo.push('{');
    } else {
      const text = JSON.stringify(v) as string | undefined;
      out.push(text ?? (task.inObject ? 'undefined' : ''));
    }
  }
  return out.join('');
}

/** `sha256:<hex>` of the canonical JSON; pure JS so workflows can verify the pinned plan. */
export function hashPlan(plan: ServicePlan): string {
  return `sha256:${sha256Hex(canonicalJson(plan))}`;
}

/** Hex SHA-256 of the UTF-8 bytes of `text`. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

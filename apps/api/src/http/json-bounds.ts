import type { IncomingMessage, ServerResponse } from 'node:http';
import { ProblemError, ProblemType } from './problem';

/** The deepest nesting of arrays and objects a JSON body may have; the API's own bodies stay below 10. */
export const MAX_JSON_DEPTH = 64;

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * How deep the arrays and objects of a JSON text nest, read from its raw bytes in one pass with no
 * recursion (UTF-8: the bytes of other characters never equal these ASCII ones). Stops counting past `limit`.
 */
function jsonNestingDepth(bytes: Uint8Array, limit = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (inString) {
      if (b === BACKSLASH) i++;
      else if (b === QUOTE) inString = false;
    } else if (b === QUOTE) inString = true;
    else if (b === OPEN_BRACE || b === OPEN_BRACKET) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) depth--;
  }
  return deepest;
}

/**
 * express.json's `verify` hook: runs on the raw body after the size limit and before JSON.parse, so nothing
 * (the parser, validation, hashing, the workflow input) ever sees a body nested deeper than MAX_JSON_DEPTH.
 */
export function refuseDeepJson(_req: IncomingMessage, _res: ServerResponse, body: Buffer): void {
  if (jsonNestingDepth(body, MAX_JSON_DEPTH) > MAX_JSON_DEPTH)
    throw new ProblemError(
      400,
      ProblemType.validation,
      'JSON nested too deeply',
      `请求内容嵌套超过 ${MAX_JSON_DEPTH} 层，无法处理：请检查提交的数据（申请数据等）的结构，减少嵌套层数后重新提交。 The request body nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep.`,
    );
}

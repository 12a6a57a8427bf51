import type { i18n as I18n } from 'i18next';

/** A lint, compile or publish problem as the designer shows it: a code with its params, and the English text. */
export interface ProblemLike {
  code?: string;
  params?: Readonly<Record<string, string | number>>;
  message: string;
}

/** Params that name a gateway kind (`parallel`, `exclusive`, `inclusive`), said in the user's language. */
const KIND_PARAMS = new Set(['kind', 'forkKind']);

/** Whether the web app has a text for the code (`designer.problemCodes.<area>.<name>`). */
export const hasProblemText = (i18n: I18n, code: string | undefined): code is string =>
  !!code && /^[a-zA-Z]+\.[a-zA-Z]+$/.test(code) && i18n.exists(`designer.problemCodes.${code}`);

/**
 * The problem in the user's language: the text of its code (`designer.problemCodes.<code>`) filled with its
 * params; the English `message` when the code is unknown to this web app (a newer library or server).
 */
export function problemText(i18n: I18n, problem: ProblemLike): string {
  if (!hasProblemText(i18n, problem.code)) return problem.message;
  const key = `designer.problemCodes.${problem.code}`;
  const params = Object.fromEntries(
    Object.entries(problem.params ?? {}).map(([name, value]) => [
      name,
      KIND_PARAMS.has(name)
        ? i18n.t(`designer.gatewayKinds.${value}`, { defaultValue: String(value) })
        : value,
    ]),
  );
  return i18n.t(key, params);
}

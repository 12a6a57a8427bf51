import { useCallback, useState } from 'react';
import type { DemoCaseResponse } from '@onewindow/contracts';
import { completeDemoCase, startDemoCase } from '../api/demo-case.api';

/** The clerk name the demo uses until sign-in exists. */
export const demoClerk = 'demo-clerk';

export function useDemoCase(onError: (error: unknown) => void) {
  const [demoCase, setDemoCase] = useState<DemoCaseResponse>();
  const [pending, setPending] = useState<'start' | 'complete'>();

  const run = useCallback(
    async (action: 'start' | 'complete', call: () => Promise<DemoCaseResponse>) => {
      setPending(action);
      try {
        const result = await call();
        setDemoCase(result);
        return result;
      } catch (error) {
        onError(error);
        return undefined;
      } finally {
        setPending(undefined);
      }
    },
    [onError],
  );

  const start = useCallback(() => run('start', startDemoCase), [run]);
  const complete = useCallback(
    () =>
      demoCase
        ? run('complete', () => completeDemoCase(demoCase.caseNo, demoClerk))
        : Promise.resolve(undefined),
    [demoCase, run],
  );

  return { demoCase, pending, start, complete };
}

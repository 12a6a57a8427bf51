import { useCallback, useRef, useState } from 'react';

/**
 * One request a form sends: `run(send)` sends it unless one is still pending (a double click sends once),
 * keeps `pending` for the button and the failure in `error` (shown with ApiErrorAlert), and returns the
 * answer, or undefined when it failed or was not sent.
 */
export function useSubmission() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const sending = useRef(false);
  const run = useCallback(async <T>(send: () => Promise<T>): Promise<T | undefined> => {
    if (sending.current) return undefined;
    sending.current = true;
    setPending(true);
    setError(undefined);
    try {
      return await send();
    } catch (failure) {
      setError(failure);
      return undefined;
    } finally {
      sending.current = false;
      setPending(false);
    }
  }, []);
  return { pending, error, run };
}

import { useCallback, useState } from 'react';
import type { ChecklistRequest, ChecklistResponse } from '@onewindow/contracts';
import { previewChecklist } from '../api/checklist.api';

export function useChecklistPreview() {
  const [checklist, setChecklist] = useState<ChecklistResponse>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(false);

  const preview = useCallback(async (request: ChecklistRequest) => {
    setLoading(true);
    setError(undefined);
    try {
      setChecklist(await previewChecklist(request));
    } catch (failure) {
      setChecklist(undefined);
      setError(failure);
    } finally {
      setLoading(false);
    }
  }, []);

  const clear = useCallback(() => {
    setChecklist(undefined);
    setError(undefined);
  }, []);

  return { checklist, error, loading, preview, clear };
}

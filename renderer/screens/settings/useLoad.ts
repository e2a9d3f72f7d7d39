import { useCallback, useEffect, useState } from 'react';
import { toApiError } from '../../api/client';

/** Load what a settings tab shows (again on `reload`); a failure becomes the message to show. */
export function useLoad<T>(load: () => Promise<T>): {
  data: T | null;
  error: string | null;
  reload: () => Promise<void>;
} {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      setData(await load());
      setError(null);
    } catch (err) {
      setError(toApiError(err).message);
    }
  }, [load]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, reload };
}

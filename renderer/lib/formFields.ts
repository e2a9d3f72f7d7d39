/**
 * A dialog's form: its values and the message of each field; changing a field clears its message
 * (what was typed stays, whatever the call answered).
 */
import { useCallback, useState } from 'react';

export function useFormFields<F extends object>(initial: F | (() => F)) {
  const [f, setF] = useState<F>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = useCallback((patch: Partial<F>) => {
    setF((x) => ({ ...x, ...patch }));
    setErrors((e) => {
      const next = { ...e };
      for (const k of Object.keys(patch)) delete next[k];
      return next;
    });
  }, []);
  return { f, setF, errors, setErrors, set };
}

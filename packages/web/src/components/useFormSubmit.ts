import { useState } from "react";
import { ApiError } from "../lib/api/api-error";
import { notifyFailed } from "./notify";

export interface SubmitOptions {
  /** A stale version (412/409): what to show instead of a failure toast, e.g. the conflict dialog. */
  onConflict?: (error: ApiError) => void;
}

/**
 * The submit cycle every form shares: busy while saving, the API's per-field
 * messages shown on their fields, a version conflict handed to the form, any
 * other failure as a toast.
 */
export function useFormSubmit() {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function run(save: () => Promise<void>, options: SubmitOptions = {}): Promise<void> {
    setBusy(true);
    setErrors({});
    try {
      await save();
    } catch (error) {
      if (error instanceof ApiError && error.isVersionConflict && options.onConflict) options.onConflict(error);
      else if (error instanceof ApiError && Object.keys(error.fieldErrors).length) setErrors(error.fieldErrors);
      else notifyFailed(error);
    } finally {
      setBusy(false);
    }
  }

  /** Forgets the messages of a field the user is changing. */
  function clearError(field: string): void {
    setErrors((current) => {
      if (!(field in current)) return current;
      const { [field]: _, ...rest } = current;
      return rest;
    });
  }

  return { busy, errors, run, clearError };
}

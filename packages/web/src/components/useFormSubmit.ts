import { useState } from "react";
import { ApiError } from "../lib/api/api-error";
import { notifyFailed } from "./notify";

/**
 * The submit cycle every form shares: busy while saving, the API's per-field
 * messages shown on their fields, any other failure as a toast.
 */
export function useFormSubmit() {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function run(save: () => Promise<void>): Promise<void> {
    setBusy(true);
    setErrors({});
    try {
      await save();
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fieldErrors).length) setErrors(error.fieldErrors);
      else notifyFailed(error);
    } finally {
      setBusy(false);
    }
  }

  return { busy, errors, run };
}

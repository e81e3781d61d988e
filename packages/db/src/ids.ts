import { v7 } from "uuid";

/** Time-ordered UUIDs (v7): unique without a round trip, and index-friendly. */
export function newId(): string {
  return v7();
}

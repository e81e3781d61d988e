import { randomUUID } from "node:crypto";

let lastMs = -1;
let sequence = 0;

/**
 * Time-ordered UUIDs (v7, RFC 9562): unique without a round trip, and
 * index-friendly. The random bits come from `crypto.randomUUID`, which draws
 * from a pooled buffer; asking the system for 16 fresh bytes per id (as the
 * `uuid` package does) made id generation a visible share of a large import.
 * Within one millisecond a 12-bit counter (method 1 of the RFC) keeps ids
 * increasing; when it runs out the timestamp moves on by a millisecond.
 */
export function newId(): string {
  const random = randomUUID(); // xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx, variant bits already set
  let ms = Date.now();
  if (ms > lastMs) {
    lastMs = ms;
    // Start low in the counter's range so that many ids fit in this millisecond.
    sequence = Number.parseInt(random.slice(15, 18), 16) & 0x7ff;
  } else {
    sequence++;
    if (sequence > 0xfff) {
      lastMs++;
      sequence = 0;
    }
    ms = lastMs;
  }
  const time = ms.toString(16).padStart(12, "0");
  return `${time.slice(0, 8)}-${time.slice(8)}-7${sequence.toString(16).padStart(3, "0")}${random.slice(18)}`;
}

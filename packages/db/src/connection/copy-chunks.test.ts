import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inChunks } from "./copy-chunks";

const part = fc.oneof(fc.uint8Array({ maxLength: 40 }), fc.string({ maxLength: 20 }));
const bytesOf = (p: string | Uint8Array) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p));

describe("inChunks", () => {
  it("keeps every byte in order, in chunks of at least the size but the last", () => {
    fc.assert(
      fc.property(fc.array(part, { maxLength: 30 }), fc.integer({ min: 1, max: 64 }), (parts, size) => {
        const chunks = [...inChunks(parts, size)];
        expect(Buffer.concat(chunks.map((c) => Buffer.from(c)))).toEqual(Buffer.concat(parts.map(bytesOf)));
        chunks.slice(0, -1).forEach((c) => expect(c.byteLength).toBeGreaterThanOrEqual(size));
        // A chunk ends as soon as it reaches the size: it is at most one part larger than that.
        const largest = Math.max(0, ...parts.map((p) => bytesOf(p).byteLength));
        chunks.forEach((c) => expect(c.byteLength).toBeLessThan(size + largest));
      }),
    );
  });

  it("reads the parts only as the chunks are asked for", () => {
    let made = 0;
    function* parts() {
      for (let i = 0; i < 10; i++, made++) yield new Uint8Array(10);
    }
    const chunks = inChunks(parts(), 25);
    expect(chunks.next().value?.byteLength).toBe(30);
    expect(made).toBe(2);
  });
});

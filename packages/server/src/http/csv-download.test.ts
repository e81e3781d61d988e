import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { sendCsv } from "./csv-download";

async function download(fileName: string) {
  const app = Fastify();
  app.get("/f", (_request, reply) => sendCsv(reply, fileName, (async function* () { yield "a,b\r\n"; yield "1,2\r\n"; })()));
  const res = await app.inject({ method: "GET", url: "/f" });
  await app.close();
  return res;
}

describe("a CSV download", () => {
  it("streams the lines, uncached, under a plain name", async () => {
    const res = await download("openkam-rfm-2026-06-30.csv");
    expect(res.body).toBe("a,b\r\n1,2\r\n");
    expect(res.headers).toMatchObject({ "content-type": "text/csv; charset=utf-8", "cache-control": "no-store", "content-disposition": 'attachment; filename="openkam-rfm-2026-06-30.csv"' });
  });

  it("sends a name in Chinese as UTF-8 too, with a plain stand-in", async () => {
    const res = await download("客户 清单-rejections.csv");
    expect(res.headers["content-disposition"]).toBe(`attachment; filename="_-rejections.csv"; filename*=UTF-8''${encodeURIComponent("客户 清单-rejections.csv")}`);
  });
});

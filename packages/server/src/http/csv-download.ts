import type { FastifyReply } from "fastify";
import { Readable } from "node:stream";

/**
 * Sends CSV lines as a file download, streamed as they are made and never cached (it holds an organization's data).
 * A name with other than letters, digits, dots and dashes (an uploaded file's, in Chinese) also travels as UTF-8
 * (`filename*`), with a plain stand-in for older clients.
 */
export function sendCsv(reply: FastifyReply, fileName: string, lines: AsyncIterable<string>): FastifyReply {
  const plain = fileName.replace(/[^\w.-]+/g, "_");
  const disposition = `attachment; filename="${plain}"${plain === fileName ? "" : `; filename*=UTF-8''${encodeURIComponent(fileName)}`}`;
  return reply
    .type("text/csv; charset=utf-8")
    .header("content-disposition", disposition)
    .header("cache-control", "no-store")
    .send(Readable.from(lines));
}

import { csvLine, type CsvValue } from "./csv";

/** A byte-order mark first, so Excel opens the UTF-8 file with accents intact ("Lucía", not "LucÃ­a"). */
export const UTF8_BOM = "\uFEFF";

/**
 * A CSV download as a byte stream, pulled batch by batch from `batches`: the next batch is only
 * read when the client has taken the previous one, so memory holds one batch whatever the size
 * (backpressure), and a client that goes away stops the reading (cancel returns the generator).
 */
export function csvStream(header: readonly string[], batches: AsyncIterable<readonly (readonly CsvValue[])[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(UTF8_BOM + csvLine(header)));
          return;
        }
        const next = await iterator.next();
        if (next.done) return controller.close();
        controller.enqueue(encoder.encode(next.value.map(csvLine).join("")));
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    // One chunk ahead at most: without this the stream would read on while the client is slow.
    { highWaterMark: 1 },
  );
}

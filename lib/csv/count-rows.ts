/**
 * Counts CSV records in a stream of text chunks as they arrive (the export's progress), quote-aware
 * so a line break inside a quoted field (a note, an address) is not counted as a record.
 */
export function createRowCounter() {
  let quoted = false;
  let records = 0;
  return {
    push(chunk: string): number {
      for (let i = 0; i < chunk.length; i++) {
        const ch = chunk.charCodeAt(i);
        if (ch === 34) quoted = !quoted; // a doubled quote toggles twice: no change
        else if (ch === 10 && !quoted) records++;
      }
      return records;
    },
    get records() {
      return records;
    },
  };
}

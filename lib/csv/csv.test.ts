import { describe, expect, it } from "vitest";
import { createRowCounter } from "./count-rows";
import { csvField, csvLine, parseCsv } from "./csv";
import { csvStream, UTF8_BOM } from "./stream";

describe("csvField", () => {
  it("leaves plain text and numbers bare", () => {
    expect(csvField("Latte")).toBe("Latte");
    expect(csvField(1250)).toBe("1250");
    expect(csvField("12.50")).toBe("12.50");
    expect(csvField("Lucía Fernández")).toBe("Lucía Fernández");
  });

  it("quotes fields with commas, quotes and line breaks, doubling the quotes", () => {
    expect(csvField("Chen, Maya")).toBe('"Chen, Maya"');
    expect(csvField('The "usual"')).toBe('"The ""usual"""');
    expect(csvField("line 1\nline 2")).toBe('"line 1\nline 2"');
    expect(csvField("a\r\nb")).toBe('"a\r\nb"');
  });

  it("writes empty for missing values and yes/no for booleans", () => {
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
    expect(csvField(Number.NaN)).toBe("");
    expect(csvField(true)).toBe("yes");
    expect(csvField(false)).toBe("no");
  });

  it("keeps text a spreadsheet would run as a formula as text, but not negative numbers", () => {
    expect(csvField("=HYPERLINK(\"http://evil\")")).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvField("+1 415 555 0134")).toBe("'+1 415 555 0134");
    expect(csvField("@admin")).toBe("'@admin");
    expect(csvField("-12.50")).toBe("-12.50");
    expect(csvField("-rm")).toBe("'-rm");
  });
});

describe("csvLine and parseCsv", () => {
  it("round-trips awkward records with CRLF endings", () => {
    const records = [
      ["id", "note", "amount"],
      ["P1", 'He said "hi", then left\r\nfor good', "12.50"],
      ["P2", "", "0.99"],
    ];
    const text = records.map(csvLine).join("");
    expect(text.endsWith("\r\n")).toBe(true);
    expect(parseCsv(text)).toEqual(records);
  });
});

describe("csvStream", () => {
  const read = async (stream: ReadableStream<Uint8Array>) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(new Uint8Array(await new Response(stream).arrayBuffer()));

  it("writes a BOM, the header, then every batch", async () => {
    async function* batches() {
      yield [["a", 1]];
      yield [["b, c", 2], ["d", 3]];
    }
    const text = await read(csvStream(["name", "n"], batches()));
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    expect(parseCsv(text.slice(1))).toEqual([["name", "n"], ["a", "1"], ["b, c", "2"], ["d", "3"]]);
  });

  it("pulls batches only as the reader takes them, so an endless source still streams", async () => {
    let pulled = 0;
    let returned = false;
    async function* endless() {
      try {
        for (;;) {
          pulled++;
          yield [[`row ${pulled}`]];
        }
      } finally {
        returned = true;
      }
    }
    const reader = csvStream(["row"], endless()).getReader();
    for (let i = 0; i < 4; i++) await reader.read();
    // Header + 3 batches read, at most one more buffered ahead: never the whole source.
    expect(pulled).toBeLessThanOrEqual(5);
    await reader.cancel();
    expect(returned, "a client that leaves stops the reading").toBe(true);
  });
});

describe("createRowCounter", () => {
  it("counts records across chunk boundaries, ignoring line breaks inside quotes", () => {
    const counter = createRowCounter();
    const text = csvLine(["id", "note"]) + csvLine(["1", "two\nlines"]) + csvLine(["2", 'a "quoted"\r\nnote']) + csvLine(["3", "plain"]);
    for (let i = 0; i < text.length; i += 3) counter.push(text.slice(i, i + 3));
    expect(counter.records).toBe(4);
  });
});

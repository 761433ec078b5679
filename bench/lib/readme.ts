import fs from "node:fs";

const START = "<!-- bench:start -->";
const END = "<!-- bench:end -->";

/**
 * Puts the table between the README's bench markers (`npm run bench -- --readme`). Missing markers
 * are an error rather than a guess at where the table belongs.
 */
export function writeReadmeTable(readmePath: string, table: string): void {
  const text = fs.readFileSync(readmePath, "utf8");
  const from = text.indexOf(START);
  const to = text.indexOf(END);
  if (from < 0 || to < from) throw new Error(`${readmePath} has no ${START} … ${END} markers to write the table between.`);
  fs.writeFileSync(readmePath, `${text.slice(0, from + START.length)}\n${table}\n${text.slice(to)}`);
}

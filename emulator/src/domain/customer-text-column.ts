/**
 * One searchable text field of every indexed profile, for fuzzy filters ("every query token occurs
 * somewhere in the field"). A trigram index, built the first time a fuzzy search needs it, narrows
 * a token to the few rows that can hold it, so a search does not visit every profile.
 */
export interface TextColumn {
  values: string[];
  grams?: Map<string, number[]>;
}

export function textColumn(values: string[]): TextColumn {
  return { values };
}

/** Rows whose value contains `needle`, ascending. */
export function rowsContaining(column: TextColumn, needle: string): number[] {
  const { values } = column;
  if (!needle) return [];
  if (needle.length < 3) return values.flatMap((value, row) => (value.includes(needle) ? [row] : []));
  const grams = (column.grams ??= trigrams(values));
  let narrowest: number[] | undefined;
  for (let i = 0; i + 3 <= needle.length; i++) {
    const rows = grams.get(needle.slice(i, i + 3));
    if (!rows) return [];
    if (!narrowest || rows.length < narrowest.length) narrowest = rows;
  }
  return narrowest!.filter((row) => values[row].includes(needle));
}

function trigrams(values: string[]): Map<string, number[]> {
  const grams = new Map<string, number[]>();
  values.forEach((value, row) => {
    for (let i = 0; i + 3 <= value.length; i++) {
      const gram = value.slice(i, i + 3);
      const rows = grams.get(gram);
      if (!rows) grams.set(gram, [row]);
      else if (rows[rows.length - 1] !== row) rows.push(row);
    }
  });
  return grams;
}

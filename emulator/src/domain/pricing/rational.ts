/**
 * Exact arithmetic for money: amounts are integer minor units (bigint) and rates are decimal
 * strings, so every intermediate value is a fraction and nothing is lost to floating point until
 * the one rounding step Square performs.
 */
export interface Fraction {
  n: bigint;
  d: bigint; // always > 0
}

const DECIMAL = /^\d+(\.\d+)?$/;

/** "7.25" → 725/100. Returns undefined for anything that is not a plain non-negative decimal. */
export function parseDecimal(text: string): Fraction | undefined {
  if (!DECIMAL.test(text)) return undefined;
  const [whole, fraction = ""] = text.split(".");
  return { n: BigInt(whole + fraction), d: 10n ** BigInt(fraction.length) };
}

export const frac = (n: bigint, d = 1n): Fraction => (d < 0n ? { n: -n, d: -d } : { n, d });
export const add = (a: Fraction, b: Fraction): Fraction => frac(a.n * b.d + b.n * a.d, a.d * b.d);
export const mul = (a: Fraction, b: Fraction): Fraction => frac(a.n * b.n, a.d * b.d);
export const div = (a: Fraction, b: Fraction): Fraction => frac(a.n * b.d, a.d * b.n);
export const isZero = (a: Fraction) => a.n === 0n;
export const compare = (a: Fraction, b: Fraction) => {
  const diff = a.n * b.d - b.n * a.d;
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
};

/** Floor for non-negative and negative fractions alike. */
export function floor(a: Fraction): bigint {
  const q = a.n / a.d;
  return a.n < 0n && q * a.d !== a.n ? q - 1n : q;
}

/**
 * Banker's rounding (half to even), which Square's Orders API documents for its price
 * adjustments: 58.5 → 58, 59.5 → 60, 58.51 → 59.
 */
export function roundHalfEven(a: Fraction): bigint {
  const down = floor(a);
  const rest = frac(a.n - down * a.d, a.d); // in [0, 1)
  const half = compare(rest, frac(1n, 2n));
  if (half < 0) return down;
  if (half > 0) return down + 1n;
  return down % 2n === 0n ? down : down + 1n;
}

/**
 * Splits `total` minor units over parts whose exact shares are `shares` (largest remainder):
 * everyone gets the floor of their share, and the units still missing go to the largest
 * fractional remainders, earlier parts first on ties. The parts always add up to `total`.
 */
export function apportion(total: bigint, shares: Fraction[]): bigint[] {
  const sum = shares.reduce(add, frac(0n));
  if (isZero(sum) || total === 0n) return shares.map(() => 0n);
  const exact = shares.map((s) => mul(div(s, sum), frac(total)));
  const parts = exact.map(floor);
  let missing = total - parts.reduce((a, b) => a + b, 0n);
  const order = exact
    .map((e, i) => ({ i, rest: frac(e.n - parts[i] * e.d, e.d) }))
    .sort((a, b) => compare(b.rest, a.rest) || a.i - b.i);
  for (let k = 0; missing > 0n; k = (k + 1) % order.length, missing--) parts[order[k].i] += 1n;
  return parts;
}

// The checkout attempt id lives in session storage so a reload keeps it: the server then replays the
// same customer, order and payment instead of starting again. A changed amount or buyer starts a new
// attempt, since the server pins an attempt to what it was first submitted for.

interface StoredAttempt {
  attemptId: string;
  /** What the attempt was last submitted with (amount and contact), or null before the first submit. */
  submitted: string | null;
}

const memory = new Map<string, StoredAttempt>();
const keyFor = (linkId: string) => `patron:checkout:${linkId}`;

function read(linkId: string): StoredAttempt | null {
  try {
    const raw = sessionStorage.getItem(keyFor(linkId));
    return raw ? (JSON.parse(raw) as StoredAttempt) : null;
  } catch {
    return memory.get(linkId) ?? null;
  }
}

function write(linkId: string, value: StoredAttempt) {
  memory.set(linkId, value);
  try {
    sessionStorage.setItem(keyFor(linkId), JSON.stringify(value));
  } catch {
    // Storage disabled (private mode): the in-memory copy still covers double clicks.
  }
}

/** The attempt this page continues: the stored one, or the id the server minted for this render. */
export function currentAttempt(linkId: string, minted: string): string {
  const stored = read(linkId);
  if (stored) return stored.attemptId;
  write(linkId, { attemptId: minted, submitted: null });
  return minted;
}

/** The attempt id to submit with; a new one when the amount or contact details changed since the last submit. */
export function attemptForSubmission(linkId: string, minted: string, snapshot: string): string {
  const stored = read(linkId) ?? { attemptId: minted, submitted: null };
  const next = stored.submitted !== null && stored.submitted !== snapshot ? { attemptId: crypto.randomUUID(), submitted: snapshot } : { ...stored, submitted: snapshot };
  write(linkId, next);
  return next.attemptId;
}

/** After a payment: the next purchase on this link is a new attempt. */
export function forgetAttempt(linkId: string) {
  memory.delete(linkId);
  try {
    sessionStorage.removeItem(keyFor(linkId));
  } catch {
    // Nothing stored.
  }
}

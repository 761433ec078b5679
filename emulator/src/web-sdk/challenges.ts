import type { EmulatorContext } from "../context";
import { CHALLENGE_CODE } from "../domain/cards-test-values";
import { ids } from "../ids";
import { verificationFailed } from "./session";

// A buyer has this long to type the code the "bank" sent.
const CHALLENGE_TTL_MS = 10 * 60 * 1000;

interface Pending<T> {
  expiresAt: number;
  pass: () => T;
}

/**
 * 3-D Secure challenges waiting for the buyer's code. Nothing is minted until the buyer answers:
 * the right code runs `pass` (which mints the verified token); a wrong code, a second answer or a
 * stale challenge fails. Kept in memory: a challenge lives only as long as one browser dialog.
 */
export class Challenges<T> {
  private readonly pending = new Map<string, Pending<T>>();

  constructor(private readonly ctx: EmulatorContext) {}

  open(pass: () => T): string {
    this.sweep();
    const id = `chal_${ids.uid()}`;
    this.pending.set(id, { expiresAt: this.ctx.clock.nowMs() + CHALLENGE_TTL_MS, pass });
    return id;
  }

  answer(id: string, code: string): T {
    const entry = this.pending.get(id);
    this.pending.delete(id);
    if (!entry || entry.expiresAt <= this.ctx.clock.nowMs() || code.trim() !== CHALLENGE_CODE) throw verificationFailed();
    return entry.pass();
  }

  cancel(id: string) {
    this.pending.delete(id);
  }

  private sweep() {
    const now = this.ctx.clock.nowMs();
    for (const [id, entry] of this.pending) if (entry.expiresAt <= now) this.pending.delete(id);
  }
}

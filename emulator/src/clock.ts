/**
 * The emulator's notion of now. Tests move it forward to expire tokens, codes and nonces
 * without sleeping.
 */
export class Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  iso(): string {
    return this.now().toISOString();
  }

  advance(ms: number) {
    this.offsetMs += ms;
  }
}

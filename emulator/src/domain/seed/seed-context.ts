import { Clock } from "../../clock";
import { Timers, type Caller, type EmulatorContext } from "../../context";
import { ALL_SCOPES } from "../../scopes";

/** A clock the generator sets to each object's moment in the past. */
export class HistoryClock extends Clock {
  private ms = 0;
  private isoAt = { ms: NaN, text: "" };

  set(ms: number) {
    this.ms = ms;
  }

  override now(): Date {
    return new Date(this.ms);
  }

  override nowMs(): number {
    return this.ms;
  }

  /** Domain functions ask for the time many times per object: format each instant once. */
  override iso(): string {
    if (this.isoAt.ms !== this.ms) this.isoAt = { ms: this.ms, text: new Date(this.ms).toISOString() };
    return this.isoAt.text;
  }

  override advance(ms: number) {
    this.ms += ms;
  }
}

export interface SeedingContext {
  ctx: EmulatorContext;
  clock: HistoryClock;
  caller: Caller;
}

/**
 * The context the generator hands the real domain functions: the same store, a clock it sets to
 * each object's moment, no webhooks (this history happened before any app subscribed) and no
 * background timers (the generator runs late assignment itself, at the right moment).
 */
export function seedingContext(ctx: EmulatorContext, merchantId: string): SeedingContext {
  const clock = new HistoryClock();
  const timers = new Timers();
  timers.close();
  return {
    ctx: { ...ctx, clock, timers, events: { emit() {} } },
    clock,
    caller: { merchantId, applicationId: ctx.config.applicationId, scopes: new Set(ALL_SCOPES), token: "" },
  };
}

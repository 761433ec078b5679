import type { Clock } from "./clock";
import type { EmulatorConfig } from "./config";
import type { Scope } from "./scopes";
import type { Store } from "./store/store";

/** A webhook event as the emulator raises it; `object` is already in wire (snake_case) form. */
export interface RaisedEvent {
  merchantId: string;
  type: string;
  dataType: string;
  objectId: string;
  object: Record<string, unknown>;
  deleted?: boolean;
  locationId?: string;
}

export interface EventBus {
  emit(event: RaisedEvent): void;
}

/** Everything a handler needs, created once per emulator instance. */
export interface EmulatorContext {
  store: Store;
  config: EmulatorConfig;
  clock: Clock;
  events: EventBus;
  /** Timers the emulator schedules itself (webhook retries, late customer assignment); cleared on close. */
  timers: Timers;
}

/** Who is calling, resolved from the bearer token. */
export interface Caller {
  merchantId: string;
  applicationId: string;
  scopes: ReadonlySet<Scope>;
  token: string;
}

export interface HonoEnv {
  Variables: { ctx: EmulatorContext; caller: Caller };
}

export class Timers {
  private readonly pending = new Set<NodeJS.Timeout>();
  private closed = false;

  after(ms: number, work: () => void | Promise<void>) {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.pending.delete(timer);
      void Promise.resolve()
        .then(work)
        .catch((err) => console.error("[emulator] background task failed:", err));
    }, ms);
    timer.unref?.();
    this.pending.add(timer);
  }

  close() {
    this.closed = true;
    for (const timer of this.pending) clearTimeout(timer);
    this.pending.clear();
  }
}

import { chance, shuffled, type Random } from "../random";

/** A seller's webhook chaos, as POST /_emulator/faults set it (see http/faults-registry.ts). */
export interface WebhookChaosSettings {
  dropRate: number;
  duplicateRate: number;
  delayMs: number;
  /** Events per shuffled window; 0 delivers in order. */
  reorderWindow: number;
}

export interface WebhookChaosCounters {
  events: number;
  dropped: number;
  duplicated: number;
  delayed: number;
  reordered_windows: number;
}

export interface WebhookChaosState {
  settings: WebhookChaosSettings;
  /** The seller's own seeded stream, so a test sees the same drops and shuffles on every run. */
  random: Random;
  counters: WebhookChaosCounters;
}

export type WebhookChaosLookup = (merchantId: string) => WebhookChaosState | undefined;

export interface ChaosDecision {
  drop: boolean;
  copies: number;
  delayMs: number;
}

/** One event's fate: dropped, or delivered once or twice (same event_id), possibly late. */
export function decide(state: WebhookChaosState): ChaosDecision {
  const { settings, random, counters } = state;
  counters.events++;
  if (chance(random, settings.dropRate)) {
    counters.dropped++;
    return { drop: true, copies: 0, delayMs: 0 };
  }
  const copies = chance(random, settings.duplicateRate) ? 2 : 1;
  if (copies > 1) counters.duplicated++;
  if (settings.delayMs > 0) counters.delayed++;
  return { drop: false, copies, delayMs: settings.delayMs };
}

// A window that never fills is still delivered, shuffled, after this long.
const WINDOW_HOLD_MS = 250;

interface Window {
  events: string[][]; // the delivery rows of each event, in arrival order
}

/**
 * Reordering: a seller's deliveries are held until `reorderWindow` events have gathered (or the
 * hold time passes), then sent one after another in a shuffled event order, so the receiver sees
 * exactly that order. A duplicated event's copies stay next to each other.
 */
export class ReorderWindows {
  private readonly open = new Map<string, Window>();

  constructor(
    private readonly deliverInOrder: (rowIds: string[]) => Promise<void>,
    private readonly after: (ms: number, work: () => void | Promise<void>) => void,
  ) {}

  hold(state: WebhookChaosState, merchantId: string, rowIds: string[]) {
    let window = this.open.get(merchantId);
    if (!window) {
      const created: Window = { events: [] };
      this.open.set(merchantId, (window = created));
      this.after(WINDOW_HOLD_MS + state.settings.delayMs, () => this.flush(state, merchantId, created));
    }
    window.events.push(rowIds);
    if (window.events.length >= state.settings.reorderWindow) this.flush(state, merchantId, window);
  }

  private flush(state: WebhookChaosState, merchantId: string, window: Window) {
    if (this.open.get(merchantId) !== window) return; // already flushed
    this.open.delete(merchantId);
    state.counters.reordered_windows++;
    const order = shuffled(state.random, window.events).flat();
    this.after(state.settings.delayMs, () => this.deliverInOrder(order));
  }
}

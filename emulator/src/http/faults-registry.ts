import { chance, seededRandom, seedFrom, type Random } from "../random";
import type { WebhookChaosState } from "../webhooks/chaos";
import { DEFAULT_REORDER_WINDOW, hasFaults, routeMatcher, type FaultSettings } from "./faults-settings";

/** What happened to one request of a faulted seller, decided before its handler runs. */
export interface RequestFault {
  /** 429: the token bucket is empty; retry after this many seconds. */
  rateLimitedFor?: number;
  delayMs: number;
  hang: boolean;
  errorStatus?: number;
  /** For an injected 429: the Retry-After to send. */
  retryAfterSeconds?: number;
  /** The error or hang strikes after the handler ran (the answer of a call that happened is lost). */
  afterHandler: boolean;
}

export interface AppliedFaults {
  requests: number;
  delayed: number;
  delay_ms_total: number;
  errors: number;
  hangs: number;
  rate_limited: number;
}

interface SellerFaults {
  settings: FaultSettings;
  matches: (method: string, path: string) => boolean;
  /** Errors and hangs still to inject when `times` is set. */
  failuresLeft: number;
  requests: Random;
  tokens: number;
  refilledAt: number;
  applied: AppliedFaults;
  webhooks?: WebhookChaosState;
}

/**
 * Faults per seller (POST /_emulator/faults), kept in memory and cleared by reset. Requests and
 * webhooks draw from separate seeded streams, so a test's API calls never shift which events drop.
 */
export class FaultRegistry {
  private readonly bySeller = new Map<string, SellerFaults>();

  set(merchantId: string, settings: FaultSettings, nowMs: number) {
    if (!hasFaults(settings)) return void this.bySeller.delete(merchantId);
    const seed = settings.seed ?? seedFrom(merchantId);
    const reorder = settings.webhook_reorder === true ? DEFAULT_REORDER_WINDOW : settings.webhook_reorder || 0;
    const chaos = settings.webhook_drop_rate || settings.webhook_duplicate_rate || settings.webhook_delay_ms || reorder;
    this.bySeller.set(merchantId, {
      settings,
      matches: routeMatcher(settings.routes),
      failuresLeft: settings.times ?? Infinity,
      requests: seededRandom(seed),
      tokens: Math.max(1, settings.rate_limit_per_second ?? 1),
      refilledAt: nowMs,
      applied: { requests: 0, delayed: 0, delay_ms_total: 0, errors: 0, hangs: 0, rate_limited: 0 },
      ...(chaos
        ? {
            webhooks: {
              settings: {
                dropRate: settings.webhook_drop_rate ?? 0,
                duplicateRate: settings.webhook_duplicate_rate ?? 0,
                delayMs: settings.webhook_delay_ms ?? 0,
                reorderWindow: reorder,
              },
              random: seededRandom(seed ^ 0x5eed),
              counters: { events: 0, dropped: 0, duplicated: 0, delayed: 0, reordered_windows: 0 },
            },
          }
        : {}),
    });
  }

  /** GET /_emulator/faults: the settings in force and what they have done since they were set. */
  read(merchantId: string) {
    const seller = this.bySeller.get(merchantId);
    return {
      faults: seller?.settings ?? {},
      applied: { ...(seller?.applied ?? {}), ...(seller?.webhooks ? { webhooks: { ...seller.webhooks.counters } } : {}) },
    };
  }

  webhookChaos(merchantId: string): WebhookChaosState | undefined {
    return this.bySeller.get(merchantId)?.webhooks;
  }

  /** Decides one request's fate: rate limit first (a refused call costs nothing), then latency, hang, error. */
  next(merchantId: string, call: { method: string; path: string }, nowMs: number): RequestFault | undefined {
    const seller = this.bySeller.get(merchantId);
    if (!seller || !seller.matches(call.method, call.path)) return undefined;
    const { settings, applied, requests: random } = seller;
    applied.requests++;
    const perSecond = settings.rate_limit_per_second;
    if (perSecond) {
      const capacity = Math.max(1, perSecond);
      seller.tokens = Math.min(capacity, seller.tokens + ((nowMs - seller.refilledAt) / 1000) * perSecond);
      seller.refilledAt = nowMs;
      if (seller.tokens < 1) {
        applied.rate_limited++;
        return { rateLimitedFor: Math.max(1, Math.ceil((1 - seller.tokens) / perSecond)), delayMs: 0, hang: false, afterHandler: false };
      }
      seller.tokens -= 1;
    }
    const jitter = settings.jitter_ms ? Math.round((random() * 2 - 1) * settings.jitter_ms) : 0;
    const delayMs = Math.max(0, (settings.latency_ms ?? 0) + jitter);
    if (delayMs > 0) {
      applied.delayed++;
      applied.delay_ms_total += delayMs;
    }
    const hang = seller.failuresLeft > 0 && chance(random, settings.hang_rate ?? 0);
    if (hang) applied.hangs++;
    const error = seller.failuresLeft > 0 && !hang && chance(random, settings.error_rate ?? 0);
    if (error) applied.errors++;
    if (hang || error) seller.failuresLeft--;
    const status = settings.error_status ?? 500;
    return {
      delayMs,
      hang,
      afterHandler: settings.after_handler === true,
      ...(error ? { errorStatus: status, ...(status === 429 ? { retryAfterSeconds: settings.retry_after_seconds ?? 1 } : {}) } : {}),
    };
  }

  clear() {
    this.bySeller.clear();
  }
}

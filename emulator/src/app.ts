import { Hono } from "hono";
import { Clock } from "./clock";
import type { EmulatorConfig } from "./config";
import { Timers, type EmulatorContext, type HonoEnv } from "./context";
import { ensureConfiguredSubscription } from "./domain/configured-subscription";
import { resumeAssignments } from "./domain/assignment/assign-customer";
import { seedDemoSeller } from "./domain/demo";
import { listSellers } from "./domain/sellers";
import { requireCaller } from "./http/auth";
import { errorResponse, errors, SquareApiError } from "./http/errors";
import { faultMiddleware } from "./http/faults";
import { FaultRegistry } from "./http/faults-registry";
import { adminRoutes } from "./routes/admin";
import { faultRoutes } from "./routes/faults";
import { seedRoutes } from "./routes/seed";
import { giftCardActivityRoutes } from "./routes/gift-card-activities";
import { giftCardRoutes } from "./routes/gift-cards";
import { orderRoutes } from "./routes/orders";
import { paymentRoutes } from "./routes/payments";
import { cardUpdaterRoutes } from "./routes/card-updater";
import { cardRoutes } from "./routes/cards";
import { customerCardRoutes } from "./routes/customer-cards";
import { customerRoutes } from "./routes/customers";
import { customerBulkRoutes } from "./routes/customers-bulk";
import { customerSearchRoutes } from "./routes/customers-search";
import { locationRoutes } from "./routes/locations";
import { merchantRoutes } from "./routes/merchants";
import { mergeRoutes } from "./routes/merge";
import { oauthRoutes } from "./routes/oauth";
import { webhookSubscriptionRoutes } from "./routes/webhook-subscriptions";
import { CallStats } from "./stats";
import { Store } from "./store/store";
import { webSdkRoutes } from "./web-sdk/routes";
import { API_VERSION } from "./webhooks/event-types";
import { WebhookBus } from "./webhooks/bus";

export interface Emulator {
  app: Hono<HonoEnv>;
  ctx: EmulatorContext;
  bus: WebhookBus;
  stats: CallStats;
  /** Per-seller faults and webhook chaos (POST /_emulator/faults). */
  faults: FaultRegistry;
  reset(opts?: { demo?: boolean }): void;
  close(): void;
}

/** Builds the local Square. No port here: server.ts binds one, tests may call `app.request()`. */
export function createEmulator(config: EmulatorConfig, store = Store.open(config.dataDir)): Emulator {
  const bus = new WebhookBus();
  const ctx: EmulatorContext = { store, config, clock: new Clock(), events: bus, timers: new Timers() };
  const stats = new CallStats();
  const faults = new FaultRegistry();

  const restoreConfigured = (demo: boolean) => {
    ensureConfiguredSubscription(ctx);
    if (demo && listSellers(ctx).length === 0) seedDemoSeller(ctx);
  };
  const reset = ({ demo = config.demo }: { demo?: boolean } = {}) => {
    store.reset();
    faults.clear();
    restoreConfigured(demo);
  };
  restoreConfigured(config.demo);
  bus.attach(ctx);
  bus.useChaos((merchantId) => faults.webhookChaos(merchantId));
  resumeAssignments(ctx);

  const app = new Hono<HonoEnv>();
  app.use("*", async (c, next) => {
    c.set("ctx", ctx);
    await next();
  });

  app.route("/_emulator", adminRoutes(stats, reset));
  app.route("/_emulator/cards", cardUpdaterRoutes);
  app.route("/_emulator", mergeRoutes);
  app.route("/_emulator", faultRoutes(faults));
  app.route("/_emulator", seedRoutes(faults));
  app.use("/oauth2/token/status", faultMiddleware(faults));
  app.route("/oauth2", oauthRoutes);
  app.route("/web-sdk", webSdkRoutes(ctx));

  const v2 = new Hono<HonoEnv>();
  v2.use("*", requireCaller, async (c, next) => {
    // Set before the handler runs: a header added to a finished response makes Hono rebuild it
    // as a stream, which costs more than most handlers (see npm run bench:emulator).
    c.header("Square-Version", c.req.header("square-version") ?? API_VERSION);
    await next();
    const route = [...c.req.matchedRoutes].reverse().find((r) => r.method !== "ALL");
    if (route) stats.count(c.get("caller").merchantId, c.req.method, route.path);
  });
  // After the stats middleware, so a faulted call still counts as a call made.
  v2.use("*", faultMiddleware(faults));
  v2.route("/locations", locationRoutes);
  v2.route("/merchants", merchantRoutes);
  v2.route("/gift-cards/activities", giftCardActivityRoutes);
  v2.route("/gift-cards", giftCardRoutes);
  v2.route("/payments", paymentRoutes);
  v2.route("/orders", orderRoutes);
  v2.route("/cards", cardRoutes);
  v2.route("/customers", customerCardRoutes);
  v2.route("/customers", customerSearchRoutes);
  v2.route("/customers", customerBulkRoutes);
  v2.route("/customers", customerRoutes);
  v2.route("/webhooks", webhookSubscriptionRoutes(bus));
  app.route("/v2", v2);

  app.notFound(() => {
    throw errors.notFound("The requested resource was not found.");
  });
  app.onError((err, c) => {
    if (err instanceof SquareApiError) return errorResponse(c, err);
    console.error("[emulator] unexpected error:", err);
    return errorResponse(c, errors.internal());
  });

  return {
    app,
    ctx,
    bus,
    stats,
    faults,
    reset,
    close() {
      bus.close();
      ctx.timers.close();
      store.close();
    },
  };
}

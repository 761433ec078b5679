import { expect } from "@playwright/test";
import type { IsolationCase } from "./cases";

/** The mirror's surfaces: the sync status JSON, Square's webhook receiver and the sync actions. */
export const SYNC_CASES: Record<string, IsolationCase> = {
  "GET /api/sync/status": {
    kind: "route",
    attempts: (v) => [{ url: "/api/sync/status" }, { url: `/api/sync/status?merchantId=${v.merchantId}` }],
  },
  "POST /api/webhooks/square": {
    kind: "route",
    public: "Square's signed notifications: an unsigned request is refused (401) and nothing is stored",
    attempts: (v) => [{ method: "POST", url: "/api/webhooks/square", form: { merchant_id: v.merchantId, type: "customer.deleted", event_id: `forged-${v.merchantId}` } }],
  },
  // Acts only on the signed-in seller: the victim's id is ignored.
  "action lib/actions/sync.ts#resyncAction": {
    kind: "action",
    calls: (v) => [[v.merchantId]],
    afterwards: async ({ victim }) => {
      const status = await (await victim.request.get("/api/sync/status")).json();
      expect(status.state, "the victim's mirror was not reset").not.toBe("never");
    },
  },
  // Another seller's customer id is not in the attacker's mirror: NOT_FOUND before Square is asked.
  "action lib/actions/sync.ts#refreshCustomerAction": {
    kind: "action",
    calls: (v) => [[v.customers[0].id], [v.customers[1].id]],
  },
};

import { Hono } from "hono";
import type { HonoEnv } from "../context";
import { requireCaller } from "../http/auth";
import type { FaultRegistry } from "../http/faults-registry";
import { parseFaultSettings } from "../http/faults-settings";
import { readJson } from "../http/validate";

/**
 * POST /_emulator/faults (seller token) replaces that seller's faults and webhook chaos (`{}`
 * clears them); GET shows the settings in force and what they have applied so far.
 */
export function faultRoutes(faults: FaultRegistry) {
  return new Hono<HonoEnv>()
    .get("/faults", requireCaller, (c) => c.json(faults.read(c.get("caller").merchantId)))
    .post("/faults", requireCaller, async (c) => {
      const settings = parseFaultSettings(await readJson(c));
      const { merchantId } = c.get("caller");
      faults.set(merchantId, settings, c.get("ctx").clock.nowMs());
      return c.json(faults.read(merchantId));
    });
}

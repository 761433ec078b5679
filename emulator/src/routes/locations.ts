import { Hono } from "hono";
import type { HonoEnv } from "../context";
import { tables } from "../domain/tables";
import { scope } from "../http/auth";
import { errors } from "../http/errors";
import { listToWire, schemas, toWire } from "../http/wire";
import { GLOBAL } from "../store/store";

export const locationRoutes = new Hono<HonoEnv>()
  .get("/", scope("MERCHANT_PROFILE_READ"), (c) => {
    const { merchantId } = c.get("caller");
    const locations = [...tables(c.get("ctx").store).locations.values(merchantId)].sort((a, b) =>
      (a.name ?? "").localeCompare(b.name ?? ""),
    );
    return c.json({ locations: listToWire(schemas.Location, locations) });
  })
  .get("/:location_id", scope("MERCHANT_PROFILE_READ"), (c) => {
    const { merchantId } = c.get("caller");
    const t = tables(c.get("ctx").store);
    let id = c.req.param("location_id");
    if (id === "main") id = t.merchants.get(GLOBAL, merchantId)?.mainLocationId ?? id;
    const location = t.locations.get(merchantId, id);
    if (!location) throw errors.notFound(`Location with id \`${id}\` not found.`);
    return c.json({ location: toWire(schemas.Location, location) });
  });

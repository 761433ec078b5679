// `npm run emulator:seed -- --customers N --orders M [--months K] [--seed S] [--latency MS] [--business-name NAME]`:
// asks the running local Square (SQUARE_EMULATOR_URL, default http://127.0.0.1:4010) for a fresh
// seller with that much history (POST /_emulator/seed) and prints its credentials.
import http from "node:http";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    customers: { type: "string" },
    orders: { type: "string" },
    months: { type: "string" },
    seed: { type: "string" },
    latency: { type: "string" },
    "business-name": { type: "string" },
  },
});

function integer(name: string, raw: string | undefined, required = false): number | undefined {
  if (raw === undefined) {
    if (required) fail(`--${name} is required`);
    return undefined;
  }
  if (!/^\d+$/.test(raw)) fail(`--${name} must be a whole number, got "${raw}"`);
  return Number(raw);
}

function fail(message: string): never {
  console.error(`emulator:seed: ${message}\nUsage: npm run emulator:seed -- --customers N --orders M [--months K] [--seed S] [--latency MS] [--business-name NAME]`);
  process.exit(1);
}

const body = JSON.stringify({
  customers: integer("customers", values.customers, true),
  orders: integer("orders", values.orders, true),
  months: integer("months", values.months),
  seed: integer("seed", values.seed),
  latency: integer("latency", values.latency),
  business_name: values["business-name"],
});
const target = new URL("/_emulator/seed", process.env.SQUARE_EMULATOR_URL || "http://127.0.0.1:4010");

// node:http rather than fetch: a large seed can take minutes, longer than fetch's header timeout.
const request = http.request(target, { method: "POST", headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (res) => {
  let text = "";
  res.setEncoding("utf8");
  res.on("data", (chunk) => (text += chunk));
  res.on("end", () => {
    if (res.statusCode !== 200) fail(`the local Square answered ${res.statusCode}: ${text}`);
    const seeded = JSON.parse(text);
    console.log(`Seeded in ${(seeded.elapsed_ms / 1000).toFixed(1)} s: ${JSON.stringify(seeded.counts)}`);
    for (const key of ["merchant_id", "location_id", "access_token", "refresh_token", "application_id"]) console.log(`${key}=${seeded[key]}`);
  });
});
request.on("error", (err) => fail(`cannot reach the local Square at ${target.origin} (${err.message}); start it with npm run emulator`));
request.end(body);

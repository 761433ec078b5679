import type { Square } from "square";
import { between, chance, pick, weighted } from "../../random";
import { storeCard } from "../cards";
import { createCustomer, updateCustomer } from "../customers";
import { duplicateProfile, personProfile } from "./people";
import { DAY_MS, HOUR_MS, type Profile, type SeedRun } from "./seed-run";
import { walletCard } from "./wallet";

const SOURCES: readonly (readonly [Square.CustomerCreationSource, number])[] = [
  ["DIRECTORY", 60],
  ["LOYALTY", 15],
  ["ONLINE_STORE", 15],
  ["EGIFTING", 5],
  ["EMAIL_COLLECTION", 5],
];

interface Planned {
  createdMs: number;
  source: Square.CustomerCreationSource;
  person: ReturnType<typeof personProfile>;
  fields: ReturnType<typeof personProfile>["fields"];
  pairOf?: number;
}

/**
 * The seller's customer profiles, created at their moments through createCustomer: a tenth
 * imported when the café opened, the rest as they first came in (more as the business grew). A few
 * people got a second profile (same email or phone): the first `duplicatePairs` of those pairs
 * still wait for a merge, the next `premergedPairs` are merged later in the history. Returns the
 * profiles in creation order and the pairs, as [first, second] indexes.
 */
export function createProfiles(run: SeedRun, saleTimes: number[]): { profiles: Profile[]; pairs: [number, number][] } {
  const { plan, random } = run;
  const pairCount = Math.min(plan.duplicatePairs + plan.premergedPairs, Math.floor(plan.customers / 2));
  const base = plan.customers - pairCount;
  // A tenth were imported when the café opened; the rest were added at the register, online, by loyalty sign-up…
  const firstSeen = (): { createdMs: number; source: Square.CustomerCreationSource } => {
    if (!saleTimes.length || chance(random, 0.1)) return { createdMs: run.startMs + Math.floor(random() * 7 * DAY_MS), source: "IMPORT" };
    const createdMs = saleTimes[Math.floor(saleTimes.length * Math.pow(random(), 1.4))] - between(random, 1, 30) * 60_000;
    return { createdMs, source: weighted(random, SOURCES) };
  };
  const planned: Planned[] = [];
  for (let n = 0; n < base; n++) {
    const person = personProfile(random, n, { withEmail: !chance(random, plan.noEmailShare) });
    planned.push({ ...firstSeen(), person, fields: person.fields });
  }
  for (let k = 0; k < pairCount; k++) {
    const of = planned[Math.floor((k * base) / pairCount)];
    const createdMs = Math.min(run.endMs - DAY_MS, of.createdMs + between(random, 2, 60) * DAY_MS);
    planned.push({ createdMs, source: "DIRECTORY", person: of.person, fields: duplicateProfile(random, of.person), pairOf: planned.indexOf(of) });
  }
  const order = planned.map((_, i) => i).sort((a, b) => planned[a].createdMs - planned[b].createdMs);
  const position = new Map(order.map((index, p) => [index, p]));

  const profiles = order.map((index) => {
    const { createdMs, source, person, fields } = planned[index];
    run.at(createdMs);
    const customer = createCustomer(run.sc.ctx, run.merchantId, fields, { creationSource: source });
    return { id: customer.id!, current: customer.id!, createdMs, person, email: customer.emailAddress, wallet: [], onFile: [], giftCards: [] } as Profile;
  });
  const pairs = planned.flatMap((p, index) => (p.pairOf === undefined ? [] : [[position.get(p.pairOf)!, position.get(index)!] as [number, number]]));
  return { profiles, pairs };
}

/** Wallets and cards on file (some disabled later, some expiring soon), and later profile edits (not of `frozen` ones). */
export function equipProfiles(run: SeedRun, frozen: Set<Profile>) {
  const { plan, random, sc } = run;
  for (const profile of run.profiles) {
    const holder = [profile.person.givenName, profile.person.familyName].join(" ");
    const onFile = chance(random, plan.cardOnFileShare) ? (chance(random, 0.2) ? 2 : 1) : 0;
    for (let c = 0; c < Math.max(1, onFile); c++)
      profile.wallet.push(walletCard(random, run.endMs, { cardholderName: holder, expiringSoon: c < onFile && chance(random, plan.expiringSoonShare) }));
    for (let c = 0; c < onFile; c++) {
      run.at(profile.createdMs + between(random, 2, 30) * 60_000);
      const card = storeCard(sc.ctx, run.merchantId, profile.wallet[c], { customerId: profile.id, cardholderName: holder });
      const [from, to] = [profile.createdMs + DAY_MS, run.endMs - HOUR_MS];
      const disabledMs = chance(random, plan.disabledCardShare) && to > from ? between(random, from, to) : undefined;
      profile.onFile.push({ id: card.id!, ...(disabledMs ? { disabledMs } : {}) });
    }
  }
  for (const profile of run.profiles) {
    if (!chance(random, plan.updatedShare) || frozen.has(profile)) continue;
    run.at(Math.min(run.endMs - HOUR_MS, profile.createdMs + between(random, 1, 90) * DAY_MS));
    const note = pick(random, ["Prefers oat milk", "Asked for receipts by email", "Catering contact", "Moved to the Sunset"]);
    updateCustomer(sc.ctx, run.merchantId, profile.id, { note });
  }
}

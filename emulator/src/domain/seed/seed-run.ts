import type { Square } from "square";
import type { Random } from "../../random";
import type { CardFacts } from "../payment-tokens";
import type { PersonProfile } from "./people";
import type { SeedingContext } from "./seed-context";
import type { OrderKind, SeedPlan } from "./seed-plan";

/** One generated customer profile and what its owner carries. */
export interface Profile {
  /** The id this profile was created with (orders made before a merge keep it). */
  id: string;
  /** The id to use now: the merged profile's id once a merge consumed this one. */
  current: string;
  createdMs: number;
  person: PersonProfile;
  email?: string;
  /** Cards in the buyer's wallet: the first `onFile.length` are also stored as cards on file. */
  wallet: CardFacts[];
  onFile: { id: string; disabledMs?: number }[];
  /** Gift cards linked to this profile, with the moment each was linked. */
  giftCards: { id: string; linkedMs: number }[];
}

/** Something that happens at a moment of the history other than a sale (merges, gift cards, disabling cards). */
export interface TimedAction {
  atMs: number;
  run: () => void;
}

/** The state one generation run shares between its parts. */
export interface SeedRun {
  sc: SeedingContext;
  plan: SeedPlan;
  random: Random;
  merchantId: string;
  locationId: string;
  currency: Square.Currency;
  startMs: number;
  endMs: number;
  /** Profiles in creation order. */
  profiles: Profile[];
  /** Profiles with a linked gift card, in the order they got one. */
  giftCardHolders: Profile[];
  kinds: Record<OrderKind | "counter", number>;
  /** Sets the history clock (every domain call after it happens at that moment). */
  at(ms: number): void;
}

export const HOUR_MS = 3600 * 1000;
export const DAY_MS = 24 * HOUR_MS;

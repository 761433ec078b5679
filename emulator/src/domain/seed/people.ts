import type { Square } from "square";
import { between, chance, pick, type Random } from "../../random";
import type { CustomerPatch } from "../customers";

const FIRST = (
  "Ada Aiden Aisha Alejandro Amara Amelia Ana Andre Anika Ari Ava Beatriz Ben Bianca Caleb Camila Carlos Chen Chloe Daniel " +
  "Daniela Deepa Diego Dmitri Elena Eli Emeka Emily Emma Ethan Fatima Felix Fiona Gabriel Grace Hana Hannah Hiro Ibrahim " +
  "Imani Isaac Isabel Jack James Jamal Javier Jin Jonah Jordan Julia Kai Kamala Keiko Kenji Layla Leo Lila Lucas Luis Maya " +
  "Mei Mia Miguel Mila Mohammed Nadia Naomi Nate Nia Noah Nora Olivia Omar Oscar Priya Quinn Rafael Rahul Rosa Ruby Sam " +
  "Samira Santiago Sara Sofia Sora Tariq Tess Theo Tomas Uma Valentina Vikram Wei Will Xavier Yara Yusuf Zara Zoe"
).split(" ");
const LAST = (
  "Abbott Adeyemi Ahmed Alvarez Anderson Bauer Bennett Brooks Castillo Chang Chen Cohen Cruz Das Diaz Dubois Edwards " +
  "Evans Fischer Flores Garcia Gomez Green Gupta Hall Harris Hernandez Hoang Howard Hughes Ibrahim Ito Jackson Jensen " +
  "Johnson Kaur Khan Kim Kowalski Kumar Lee Lewis Lopez Martin Martinez Mendoza Miller Mitchell Moreno Murphy Nakamura " +
  "Nguyen Novak Okafor Olsen Ortiz Park Patel Perez Petrov Phillips Quinn Ramirez Reyes Rivera Roberts Robinson Rossi " +
  "Sanchez Santos Schmidt Shah Silva Singh Smith Sokolov Suzuki Tanaka Taylor Thomas Torres Tran Turner Vargas Wang " +
  "Watanabe Williams Wilson Wong Wright Yamamoto Young Zhang"
).split(" ");
const COMPANIES = ["Mission Design Co", "Bayview Dental", "Golden Gate Realty", "Fogline Studio", "Sunset Yoga", "Hayes Valley Books", "Presidio Law Group"];
const NOTES = ["Oat milk, always", "Allergic to nuts", "Regular: large drip, no room", "Prefers decaf after 2pm", "Orders for the office on Fridays", "Birthday club"];
const DOMAINS = ["example.com", "example.net", "example.org"];
// Real Bay Area area codes, so the numbers pass the same numbering-plan check as the API.
const AREA_CODES = ["415", "628", "510", "650", "408", "925", "707"];
const STREETS = ["Valencia St", "Mission St", "Divisadero St", "Irving St", "Clement St", "24th St", "Haight St", "Polk St"];

export interface PersonProfile {
  fields: CustomerPatch;
  givenName: string;
  familyName: string;
}

/** A believable profile: most have an email, many a phone, a few a company, note, birthday or address. */
export function personProfile(random: Random, n: number, opts: { withEmail: boolean }): PersonProfile {
  const givenName = pick(random, FIRST);
  const familyName = pick(random, LAST);
  const fields: CustomerPatch = { givenName, familyName };
  if (opts.withEmail) fields.emailAddress = emailFor(random, givenName, familyName, n);
  if (!opts.withEmail || chance(random, 0.55)) fields.phoneNumber = phoneNumber(random);
  if (chance(random, 0.05)) fields.companyName = pick(random, COMPANIES);
  if (chance(random, 0.12)) fields.note = pick(random, NOTES);
  if (chance(random, 0.2)) fields.birthday = `${chance(random, 0.5) ? between(random, 1950, 2005) : "0000"}-${pad(between(random, 1, 12))}-${pad(between(random, 1, 28))}`;
  if (chance(random, 0.15)) fields.address = address(random);
  if (chance(random, 0.1)) fields.referenceId = `LOYAL-${String(100000 + n)}`;
  return { fields, givenName, familyName };
}

/**
 * The profile a duplicate of someone gets: a shortened or misspelt name, and the same email (in
 * other letter case) or the same phone number typed differently, as a second visit at the register
 * or an online order would leave it.
 */
export function duplicateProfile(random: Random, of: PersonProfile): CustomerPatch {
  const givenName = of.givenName.length > 4 && chance(random, 0.5) ? of.givenName.slice(0, 3) : of.givenName;
  const byEmail = !!of.fields.emailAddress && (!of.fields.phoneNumber || chance(random, 0.5));
  if (byEmail) return { givenName, familyName: of.familyName, emailAddress: of.fields.emailAddress!.replace(/^./, (c) => c.toUpperCase()) };
  const phone = of.fields.phoneNumber ?? phoneNumber(random);
  return { givenName, ...(chance(random, 0.5) ? { familyName: of.familyName } : {}), phoneNumber: retyped(phone) };
}

function emailFor(random: Random, given: string, family: string, n: number): string {
  const local = pick(random, [`${given}.${family}`, `${given[0]}${family}`, `${given}${family[0]}`, `${given}.${family}${n % 97}`]);
  return `${local.toLowerCase()}@${pick(random, DOMAINS)}`;
}

/** A US number in one of the formats people type at a register. */
function phoneNumber(random: Random): string {
  const area = pick(random, AREA_CODES);
  const exchange = String(between(random, 2, 9)) + String(between(random, 0, 9)) + String(between(random, 2, 9));
  const line = pad(between(random, 0, 9999), 4);
  return pick(random, [`+1${area}${exchange}${line}`, `(${area}) ${exchange}-${line}`, `${area}-${exchange}-${line}`, `+1 ${area} ${exchange} ${line}`]);
}

function retyped(phone: string): string {
  const digits = phone.replace(/\D/g, "").slice(-10);
  return `${digits.slice(0, 3)}.${digits.slice(3, 6)}.${digits.slice(6)}`;
}

function address(random: Random): Square.Address {
  return {
    addressLine1: `${between(random, 10, 3999)} ${pick(random, STREETS)}`,
    locality: "San Francisco",
    administrativeDistrictLevel1: "CA",
    postalCode: pick(random, ["94103", "94110", "94114", "94117", "94118", "94122"]),
    country: "US",
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

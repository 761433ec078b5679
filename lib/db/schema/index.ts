// The whole schema, one module per table. drizzle-kit reads this folder; queries import from here.
export * from "./audit-log";
export * from "./card-consents";
export * from "./customer-aliases";
export * from "./sellers";
export * from "./webhook-events";

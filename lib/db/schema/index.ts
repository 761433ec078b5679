// The whole schema, one module per table. drizzle-kit reads this folder; queries import from here.
export * from "./audit-log";
export * from "./card-consents";
export * from "./customer-aliases";
export * from "./mirror-cards";
export * from "./mirror-customer-stats";
export * from "./mirror-customers";
export * from "./mirror-gift-cards";
export * from "./mirror-jobs";
export * from "./mirror-locations";
export * from "./mirror-order-customers";
export * from "./mirror-orders";
export * from "./mirror-payments";
export * from "./mirror-sync";
export * from "./mirror-webhook-keys";
export * from "./sellers";
export * from "./webhook-events";

CREATE TABLE "mirror_order_days" (
	"merchant_id" text NOT NULL,
	"day" date NOT NULL,
	"location_id" text NOT NULL,
	"state" text NOT NULL,
	"source" text NOT NULL,
	"attribution" text NOT NULL,
	"orders" integer NOT NULL,
	CONSTRAINT "mirror_order_days_merchant_id_day_location_id_state_source_attribution_pk" PRIMARY KEY("merchant_id","day","location_id","state","source","attribution")
);
--> statement-breakpoint
CREATE TABLE "mirror_payment_days" (
	"merchant_id" text NOT NULL,
	"day" date NOT NULL,
	"location_id" text NOT NULL,
	"status" text NOT NULL,
	"card_brand" text NOT NULL,
	"source" text NOT NULL,
	"attributed" boolean NOT NULL,
	"payments" integer NOT NULL,
	CONSTRAINT "mirror_payment_days_merchant_id_day_location_id_status_card_brand_source_attributed_pk" PRIMARY KEY("merchant_id","day","location_id","status","card_brand","source","attributed")
);
--> statement-breakpoint
ALTER TABLE "mirror_order_days" ADD CONSTRAINT "mirror_order_days_merchant_id_sellers_merchant_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."sellers"("merchant_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mirror_payment_days" ADD CONSTRAINT "mirror_payment_days_merchant_id_sellers_merchant_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."sellers"("merchant_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Sellers mirrored before these counts existed read their rows until reconciliation builds them.
INSERT INTO "mirror_rollup_state" ("merchant_id", "stale_since")
SELECT s."merchant_id", now() FROM "sellers" s WHERE EXISTS (SELECT 1 FROM "mirror_orders" o WHERE o."merchant_id" = s."merchant_id")
ON CONFLICT ("merchant_id") DO UPDATE SET "stale_since" = coalesce("mirror_rollup_state"."stale_since", excluded."stale_since");

CREATE TABLE "mirror_customer_days" (
	"merchant_id" text NOT NULL,
	"day" date NOT NULL,
	"location_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"spend" bigint NOT NULL,
	"payments" integer NOT NULL,
	"last_payment_at" timestamp with time zone NOT NULL,
	CONSTRAINT "mirror_customer_days_merchant_id_day_location_id_customer_id_pk" PRIMARY KEY("merchant_id","day","location_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "mirror_rollup_state" (
	"merchant_id" text PRIMARY KEY NOT NULL,
	"zones" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"stale_since" timestamp with time zone,
	"built_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "mirror_sales_days" (
	"merchant_id" text NOT NULL,
	"day" date NOT NULL,
	"location_id" text NOT NULL,
	"source_type" text NOT NULL,
	"card_brand" text NOT NULL,
	"revenue" bigint NOT NULL,
	"payments" integer NOT NULL,
	"sales" integer NOT NULL,
	"revenue_without_customer" bigint NOT NULL,
	"payments_without_customer" integer NOT NULL,
	CONSTRAINT "mirror_sales_days_merchant_id_day_location_id_source_type_card_brand_pk" PRIMARY KEY("merchant_id","day","location_id","source_type","card_brand")
);
--> statement-breakpoint
ALTER TABLE "mirror_customer_days" ADD CONSTRAINT "mirror_customer_days_merchant_id_sellers_merchant_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."sellers"("merchant_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mirror_rollup_state" ADD CONSTRAINT "mirror_rollup_state_merchant_id_sellers_merchant_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."sellers"("merchant_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mirror_sales_days" ADD CONSTRAINT "mirror_sales_days_merchant_id_sellers_merchant_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."sellers"("merchant_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mirror_customer_stats_first_visit_idx" ON "mirror_customer_stats" USING btree ("merchant_id","first_visit_at");--> statement-breakpoint
-- Sellers mirrored before the rollups existed read their payments until reconciliation builds them.
INSERT INTO "mirror_rollup_state" ("merchant_id", "stale_since")
SELECT s."merchant_id", now() FROM "sellers" s WHERE EXISTS (SELECT 1 FROM "mirror_payments" p WHERE p."merchant_id" = s."merchant_id");

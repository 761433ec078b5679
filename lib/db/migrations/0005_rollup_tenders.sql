-- The rollups are derived data: emptied here, rebuilt from the payments (sellers marked stale below).
DELETE FROM "mirror_sales_days";--> statement-breakpoint
CREATE TABLE "mirror_tender_days" (
	"merchant_id" text NOT NULL,
	"day" date NOT NULL,
	"location_id" text NOT NULL,
	"source_type" text NOT NULL,
	"card_brand" text NOT NULL,
	"revenue" bigint NOT NULL,
	"payments" integer NOT NULL,
	CONSTRAINT "mirror_tender_days_merchant_id_day_location_id_source_type_card_brand_pk" PRIMARY KEY("merchant_id","day","location_id","source_type","card_brand")
);
--> statement-breakpoint
ALTER TABLE "mirror_sales_days" DROP CONSTRAINT "mirror_sales_days_merchant_id_day_location_id_source_type_card_brand_pk";--> statement-breakpoint
ALTER TABLE "mirror_sales_days" ADD CONSTRAINT "mirror_sales_days_merchant_id_day_location_id_pk" PRIMARY KEY("merchant_id","day","location_id");--> statement-breakpoint
ALTER TABLE "mirror_sales_days" ADD COLUMN "buyers" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "mirror_tender_days" ADD CONSTRAINT "mirror_tender_days_merchant_id_sellers_merchant_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."sellers"("merchant_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mirror_payments_gift_card_idx" ON "mirror_payments" USING btree ("merchant_id","last_4") WHERE "mirror_payments"."card_brand" = 'SQUARE_GIFT_CARD';--> statement-breakpoint
ALTER TABLE "mirror_sales_days" DROP COLUMN "source_type";--> statement-breakpoint
ALTER TABLE "mirror_sales_days" DROP COLUMN "card_brand";;--> statement-breakpoint
INSERT INTO "mirror_rollup_state" ("merchant_id", "stale_since")
SELECT s."merchant_id", now() FROM "sellers" s WHERE EXISTS (SELECT 1 FROM "mirror_payments" p WHERE p."merchant_id" = s."merchant_id")
ON CONFLICT ("merchant_id") DO UPDATE SET "stale_since" = coalesce("mirror_rollup_state"."stale_since", excluded."stale_since");

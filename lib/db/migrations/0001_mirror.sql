CREATE TABLE "mirror_cards" (
	"merchant_id" text NOT NULL,
	"id" text NOT NULL,
	"customer_id" text,
	"card_brand" text,
	"last_4" text,
	"exp_month" integer,
	"exp_year" integer,
	"cardholder_name" text,
	"fingerprint" text,
	"card_type" text,
	"bin" text,
	"reference_id" text,
	"enabled" boolean NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone,
	"disabled_at" timestamp with time zone,
	"raw" jsonb NOT NULL,
	"fetched_at" timestamp with time zone NOT NULL,
	CONSTRAINT "mirror_cards_merchant_id_id_pk" PRIMARY KEY("merchant_id","id")
);
--> statement-breakpoint
CREATE TABLE "mirror_customer_stats" (
	"merchant_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"order_count" integer DEFAULT 0 NOT NULL,
	"payment_count" integer DEFAULT 0 NOT NULL,
	"lifetime_spend" bigint DEFAULT 0 NOT NULL,
	"visit_count" integer DEFAULT 0 NOT NULL,
	"first_visit_at" timestamp with time zone,
	"last_visit_at" timestamp with time zone,
	"card_count" integer DEFAULT 0 NOT NULL,
	"gift_card_count" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mirror_customer_stats_merchant_id_customer_id_pk" PRIMARY KEY("merchant_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "mirror_customers" (
	"merchant_id" text NOT NULL,
	"id" text NOT NULL,
	"given_name" text,
	"family_name" text,
	"company_name" text,
	"nickname" text,
	"email_address" text,
	"phone_number" text,
	"phone_digits" text,
	"reference_id" text,
	"creation_source" text,
	"search_text" text DEFAULT '' NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone,
	"updated_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"raw" jsonb NOT NULL,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mirror_customers_merchant_id_id_pk" PRIMARY KEY("merchant_id","id")
);
--> statement-breakpoint
CREATE TABLE "mirror_gift_card_customers" (
	"merchant_id" text NOT NULL,
	"gift_card_id" text NOT NULL,
	"customer_id" text NOT NULL,
	CONSTRAINT "mirror_gift_card_customers_merchant_id_gift_card_id_customer_id_pk" PRIMARY KEY("merchant_id","gift_card_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "mirror_gift_cards" (
	"merchant_id" text NOT NULL,
	"id" text NOT NULL,
	"gan" text,
	"type" text NOT NULL,
	"state" text,
	"balance_amount" bigint DEFAULT 0 NOT NULL,
	"currency" text,
	"created_at" timestamp with time zone,
	"raw" jsonb NOT NULL,
	"fetched_at" timestamp with time zone NOT NULL,
	CONSTRAINT "mirror_gift_cards_merchant_id_id_pk" PRIMARY KEY("merchant_id","id")
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "jobs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"merchant_id" text,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"unique_key" text,
	"run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"locked_by" text,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"failed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mirror_locations" (
	"merchant_id" text NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"status" text,
	"timezone" text,
	"currency" text,
	CONSTRAINT "mirror_locations_merchant_id_id_pk" PRIMARY KEY("merchant_id","id")
);
--> statement-breakpoint
CREATE TABLE "mirror_order_customers" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "mirror_order_customers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"merchant_id" text NOT NULL,
	"order_id" text NOT NULL,
	"customer_id" text,
	"source" text NOT NULL,
	"merged_from" text,
	"order_created_at" timestamp with time zone,
	"order_state" text,
	"order_total_amount" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mirror_order_line_items" (
	"merchant_id" text NOT NULL,
	"order_id" text NOT NULL,
	"uid" text NOT NULL,
	"position" integer NOT NULL,
	"name" text,
	"variation_name" text,
	"item_type" text,
	"quantity" text NOT NULL,
	"base_price_amount" bigint,
	"total_amount" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "mirror_order_line_items_merchant_id_order_id_uid_pk" PRIMARY KEY("merchant_id","order_id","uid")
);
--> statement-breakpoint
CREATE TABLE "mirror_order_tenders" (
	"merchant_id" text NOT NULL,
	"order_id" text NOT NULL,
	"id" text NOT NULL,
	"payment_id" text,
	"type" text NOT NULL,
	"customer_id" text,
	"amount" bigint DEFAULT 0 NOT NULL,
	"tip_amount" bigint DEFAULT 0 NOT NULL,
	"card_brand" text,
	"last_4" text,
	"created_at" timestamp with time zone,
	CONSTRAINT "mirror_order_tenders_merchant_id_order_id_id_pk" PRIMARY KEY("merchant_id","order_id","id")
);
--> statement-breakpoint
CREATE TABLE "mirror_orders" (
	"merchant_id" text NOT NULL,
	"id" text NOT NULL,
	"location_id" text,
	"customer_id" text,
	"state" text,
	"source_name" text,
	"reference_id" text,
	"currency" text,
	"total_amount" bigint DEFAULT 0 NOT NULL,
	"total_tax_amount" bigint DEFAULT 0 NOT NULL,
	"total_discount_amount" bigint DEFAULT 0 NOT NULL,
	"total_tip_amount" bigint DEFAULT 0 NOT NULL,
	"net_amount_due_amount" bigint DEFAULT 0 NOT NULL,
	"version" bigint,
	"created_at" timestamp with time zone,
	"updated_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"raw" jsonb NOT NULL,
	"fetched_at" timestamp with time zone NOT NULL,
	CONSTRAINT "mirror_orders_merchant_id_id_pk" PRIMARY KEY("merchant_id","id")
);
--> statement-breakpoint
CREATE TABLE "mirror_payments" (
	"merchant_id" text NOT NULL,
	"id" text NOT NULL,
	"order_id" text,
	"location_id" text,
	"customer_id" text,
	"status" text,
	"source_type" text,
	"currency" text,
	"amount" bigint DEFAULT 0 NOT NULL,
	"tip_amount" bigint DEFAULT 0 NOT NULL,
	"total_amount" bigint DEFAULT 0 NOT NULL,
	"refunded_amount" bigint DEFAULT 0 NOT NULL,
	"card_brand" text,
	"last_4" text,
	"card_fingerprint" text,
	"buyer_email_address" text,
	"receipt_number" text,
	"version_token" text,
	"created_at" timestamp with time zone,
	"updated_at" timestamp with time zone,
	"raw" jsonb NOT NULL,
	"fetched_at" timestamp with time zone NOT NULL,
	"attributed_customer_id" text,
	"attribution_source" text DEFAULT 'none' NOT NULL,
	"attributed_merged_from" text,
	CONSTRAINT "mirror_payments_merchant_id_id_pk" PRIMARY KEY("merchant_id","id")
);
--> statement-breakpoint
CREATE TABLE "sync_sellers" (
	"merchant_id" text PRIMARY KEY NOT NULL,
	"backfill_requested_at" timestamp with time zone,
	"backfill_started_at" timestamp with time zone,
	"backfill_finished_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"last_event_at" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "sync_streams" (
	"merchant_id" text NOT NULL,
	"stream" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"checkpoint" jsonb,
	"watermark" timestamp with time zone,
	"done_count" integer DEFAULT 0 NOT NULL,
	"total_count" integer,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"last_error" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sync_streams_merchant_id_stream_pk" PRIMARY KEY("merchant_id","stream")
);
--> statement-breakpoint
CREATE TABLE "webhook_signature_keys" (
	"subscription_id" text PRIMARY KEY NOT NULL,
	"notification_url" text NOT NULL,
	"signature_key_encrypted" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mirror_cards" ADD CONSTRAINT "mirror_cards_merchant_id_sellers_merchant_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."sellers"("merchant_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mirror_customer_stats" ADD CONSTRAINT "mirror_customer_stats_merchant_id_sellers_merchant_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."sellers"("merchant_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mirror_customers" ADD CONSTRAINT "mirror_customers_merchant_id_sellers_merchant_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."sellers"("merchant_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mirror_gift_card_customers" ADD CONSTRAINT "mirror_gift_card_customers_merchant_id_sellers_merchant_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."sellers"("merchant_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mirror_gift_cards" ADD CONSTRAINT "mirror_gift_cards_merchant_id_sellers_merchant_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."sellers"("merchant_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mirror_locations" ADD CONSTRAINT "mirror_locations_merchant_id_sellers_merchant_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."sellers"("merchant_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mirror_order_customers" ADD CONSTRAINT "mirror_order_customers_merchant_id_sellers_merchant_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."sellers"("merchant_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mirror_order_line_items" ADD CONSTRAINT "mirror_order_line_items_merchant_id_sellers_merchant_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."sellers"("merchant_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mirror_order_tenders" ADD CONSTRAINT "mirror_order_tenders_merchant_id_sellers_merchant_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."sellers"("merchant_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mirror_orders" ADD CONSTRAINT "mirror_orders_merchant_id_sellers_merchant_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."sellers"("merchant_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mirror_payments" ADD CONSTRAINT "mirror_payments_merchant_id_sellers_merchant_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."sellers"("merchant_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_sellers" ADD CONSTRAINT "sync_sellers_merchant_id_sellers_merchant_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."sellers"("merchant_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_streams" ADD CONSTRAINT "sync_streams_merchant_id_sellers_merchant_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."sellers"("merchant_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mirror_cards_customer_idx" ON "mirror_cards" USING btree ("merchant_id","customer_id");--> statement-breakpoint
CREATE INDEX "mirror_customer_stats_spend_idx" ON "mirror_customer_stats" USING btree ("merchant_id","lifetime_spend");--> statement-breakpoint
CREATE INDEX "mirror_customer_stats_last_visit_idx" ON "mirror_customer_stats" USING btree ("merchant_id","last_visit_at");--> statement-breakpoint
CREATE INDEX "mirror_customers_created_idx" ON "mirror_customers" USING btree ("merchant_id","created_at");--> statement-breakpoint
CREATE INDEX "mirror_customers_email_idx" ON "mirror_customers" USING btree ("merchant_id","email_address");--> statement-breakpoint
CREATE INDEX "mirror_customers_phone_idx" ON "mirror_customers" USING btree ("merchant_id","phone_digits");--> statement-breakpoint
CREATE INDEX "mirror_gift_card_customers_customer_idx" ON "mirror_gift_card_customers" USING btree ("merchant_id","customer_id");--> statement-breakpoint
CREATE INDEX "mirror_gift_cards_gan_idx" ON "mirror_gift_cards" USING btree ("merchant_id","gan");--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_unique_key_idx" ON "jobs" USING btree ("unique_key");--> statement-breakpoint
CREATE INDEX "jobs_due_idx" ON "jobs" USING btree ("run_at") WHERE "jobs"."failed_at" IS NULL;--> statement-breakpoint
CREATE INDEX "jobs_merchant_idx" ON "jobs" USING btree ("merchant_id","kind");--> statement-breakpoint
CREATE INDEX "mirror_order_customers_order_idx" ON "mirror_order_customers" USING btree ("merchant_id","order_id");--> statement-breakpoint
CREATE INDEX "mirror_order_customers_history_idx" ON "mirror_order_customers" USING btree ("merchant_id","customer_id","order_created_at");--> statement-breakpoint
CREATE INDEX "mirror_order_tenders_payment_idx" ON "mirror_order_tenders" USING btree ("merchant_id","payment_id");--> statement-breakpoint
CREATE INDEX "mirror_orders_created_idx" ON "mirror_orders" USING btree ("merchant_id","created_at");--> statement-breakpoint
CREATE INDEX "mirror_orders_customer_idx" ON "mirror_orders" USING btree ("merchant_id","customer_id");--> statement-breakpoint
CREATE INDEX "mirror_payments_created_idx" ON "mirror_payments" USING btree ("merchant_id","created_at");--> statement-breakpoint
CREATE INDEX "mirror_payments_attributed_idx" ON "mirror_payments" USING btree ("merchant_id","attributed_customer_id","created_at");--> statement-breakpoint
CREATE INDEX "mirror_payments_order_idx" ON "mirror_payments" USING btree ("merchant_id","order_id");--> statement-breakpoint
CREATE INDEX "mirror_payments_customer_idx" ON "mirror_payments" USING btree ("merchant_id","customer_id");
CREATE TABLE "checkout_attempts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"link_id" text,
	"status" text DEFAULT 'started' NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"line_items" jsonb NOT NULL,
	"identity_key" text NOT NULL,
	"customer_id" text,
	"order_id" text,
	"payment_id" text,
	"payment_method" text,
	"card_brand" text,
	"card_last_4" text,
	"receipt_number" text,
	"receipt_url" text,
	"save_card_requested" boolean DEFAULT false NOT NULL,
	"card_id" text,
	"card_save_error" text,
	"last_decline_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "checkout_customers" (
	"merchant_id" text NOT NULL,
	"identity_key" text NOT NULL,
	"customer_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "checkout_customers_merchant_id_identity_key_pk" PRIMARY KEY("merchant_id","identity_key")
);
--> statement-breakpoint
CREATE TABLE "checkout_links" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"title" text NOT NULL,
	"location_id" text NOT NULL,
	"currency" text NOT NULL,
	"pricing" text NOT NULL,
	"line_items" jsonb NOT NULL,
	"open_min_amount" bigint,
	"open_max_amount" bigint,
	"offer_save_card" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "checkout_rate_limits" (
	"bucket" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"hits" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "checkout_rate_limits_bucket_window_start_pk" PRIMARY KEY("bucket","window_start")
);
--> statement-breakpoint
ALTER TABLE "checkout_attempts" ADD CONSTRAINT "checkout_attempts_merchant_id_sellers_merchant_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."sellers"("merchant_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkout_attempts" ADD CONSTRAINT "checkout_attempts_link_id_checkout_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."checkout_links"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkout_customers" ADD CONSTRAINT "checkout_customers_merchant_id_sellers_merchant_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."sellers"("merchant_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkout_links" ADD CONSTRAINT "checkout_links_merchant_id_sellers_merchant_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."sellers"("merchant_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "checkout_attempts_link_status_idx" ON "checkout_attempts" USING btree ("merchant_id","link_id","status");--> statement-breakpoint
CREATE INDEX "checkout_links_merchant_created_idx" ON "checkout_links" USING btree ("merchant_id","created_at");
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"merchant_id" text NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"object_ids" text[] NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "card_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"merchant_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"card_id" text NOT NULL,
	"wording_version" text NOT NULL,
	"consented_at" timestamp with time zone DEFAULT now() NOT NULL,
	"page" text NOT NULL,
	"user_agent" text,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "customer_aliases" (
	"merchant_id" text NOT NULL,
	"old_customer_id" text NOT NULL,
	"surviving_customer_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_aliases_merchant_id_old_customer_id_pk" PRIMARY KEY("merchant_id","old_customer_id")
);
--> statement-breakpoint
CREATE TABLE "sellers" (
	"merchant_id" text PRIMARY KEY NOT NULL,
	"business_name" text NOT NULL,
	"main_location_id" text,
	"country" text,
	"currency" text,
	"access_token_encrypted" text,
	"refresh_token_encrypted" text,
	"access_token_expires_at" timestamp with time zone,
	"scopes" text[] DEFAULT '{}'::text[] NOT NULL,
	"connected_at" timestamp with time zone,
	"disconnected_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_events" (
	"event_id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"merchant_id" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	"processing_error" text,
	"payload" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_merchant_id_sellers_merchant_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."sellers"("merchant_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_consents" ADD CONSTRAINT "card_consents_merchant_id_sellers_merchant_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."sellers"("merchant_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_aliases" ADD CONSTRAINT "customer_aliases_merchant_id_sellers_merchant_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."sellers"("merchant_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_merchant_at_idx" ON "audit_log" USING btree ("merchant_id","at");--> statement-breakpoint
CREATE INDEX "card_consents_customer_idx" ON "card_consents" USING btree ("merchant_id","customer_id");--> statement-breakpoint
CREATE INDEX "card_consents_card_idx" ON "card_consents" USING btree ("merchant_id","card_id");--> statement-breakpoint
CREATE INDEX "customer_aliases_surviving_idx" ON "customer_aliases" USING btree ("merchant_id","surviving_customer_id");--> statement-breakpoint
CREATE INDEX "webhook_events_merchant_received_idx" ON "webhook_events" USING btree ("merchant_id","received_at");
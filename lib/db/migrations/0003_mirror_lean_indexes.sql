DROP INDEX "mirror_orders_customer_idx";--> statement-breakpoint
DROP INDEX "mirror_payments_customer_idx";
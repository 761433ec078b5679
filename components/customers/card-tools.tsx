"use client";

import { useState } from "react";
import type { SquareSettings } from "@/components/checkout/use-square-payments";
import { Button } from "@/components/ui/button";
import { SaveCardForm } from "./save-card-form";
import { SaveFromPaymentForm, type SavablePaymentOption } from "./save-from-payment-form";

export interface CardToolsProps {
  customerId: string;
  customerName: string;
  givenName: string | null;
  familyName: string | null;
  businessName: string;
  square: SquareSettings;
  payments: SavablePaymentOption[];
}

/** Saving a card: Square's card form loads only when the seller asks for it (no iframe on every page view). */
export function CardTools(props: CardToolsProps) {
  const [open, setOpen] = useState(false);
  return (
    <div className="space-y-3">
      {open ? <SaveCardForm {...props} onDone={() => setOpen(false)} /> : <Button onClick={() => setOpen(true)}>Add a card on file</Button>}
      {props.payments.length > 0 && <SaveFromPaymentForm customerId={props.customerId} customerName={props.customerName} businessName={props.businessName} payments={props.payments} />}
    </div>
  );
}

import { CARD_CONTAINER, GIFT_CARD_CONTAINER, type PaymentMethod, type SdkState } from "./use-square-payments";

/** Card or gift card; each form is Square's iframe, attached into its container. */
export function PaymentMethodFields({ method, onMethod, sdkState }: { method: PaymentMethod; onMethod: (m: PaymentMethod) => void; sdkState: SdkState }) {
  const option = (value: PaymentMethod, label: string) => (
    <label className={`flex h-11 flex-1 cursor-pointer items-center justify-center gap-2 rounded-md border text-sm font-medium ${method === value ? "border-neutral-900 bg-neutral-900 text-white" : "border-neutral-300 bg-white"}`}>
      <input type="radio" name="method" value={value} checked={method === value} onChange={() => onMethod(value)} className="h-4 w-4 accent-current" />
      {label}
    </label>
  );
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-2 text-base font-semibold">Payment</legend>
      <div className="flex gap-2">
        {option("card", "Card")}
        {option("gift_card", "Gift card")}
      </div>
      <div id={CARD_CONTAINER} hidden={method !== "card"} />
      <div id={GIFT_CARD_CONTAINER} hidden={method !== "gift_card"} />
      {sdkState === "loading" && <p className="text-sm text-neutral-500">Loading the secure payment form…</p>}
      {sdkState === "failed" && (
        <p role="alert" className="text-sm text-red-700">
          The secure payment form could not load. Check your connection and reload the page.
        </p>
      )}
    </fieldset>
  );
}

/** The dashboard's sections, in navigation order. */
export const NAV_ITEMS = [
  { href: "/overview", label: "Overview" },
  { href: "/customers", label: "Customers" },
  { href: "/orders", label: "Orders" },
  { href: "/payments", label: "Payments" },
  { href: "/reports", label: "Reports" },
  { href: "/checkout-links", label: "Checkout links" },
  { href: "/settings", label: "Settings" },
] as const;

import type { Square } from "square";
import { errors } from "../../http/errors";
import { parseDecimal } from "../pricing/rational";
import { checkLength, checkMoney } from "../payments/seller-checks";

const QUANTITY = /^\d{1,7}(\.\d{1,5})?$/;
const METADATA_KEY = /^[a-zA-Z0-9_-]{1,60}$/;

/**
 * Square's field rules for what an application writes on an order, applied to lines, taxes and
 * discounts before pricing. It fills in what Square fills in (uids, tax and discount types) and
 * refuses what the local Square cannot price (catalog references, service charges).
 */
export function normalizeOrderContent(order: Square.Order, currency: string, newUid: () => string, field = "order"): Square.Order {
  if (order.serviceCharges?.length)
    throw errors.badRequest("BAD_REQUEST", "Service charges are not supported by the local Square.", `${field}.service_charges`);
  const taxes = (order.taxes ?? []).map((tax, i) => normalizeTax(tax, `${field}.taxes[${i}]`, newUid));
  const discounts = (order.discounts ?? []).map((d, i) => normalizeDiscount(d, `${field}.discounts[${i}]`, currency, newUid));
  unique(taxes, `${field}.taxes`);
  unique(discounts, `${field}.discounts`);
  const taxUids = new Set(taxes.map((t) => t.uid));
  const discountUids = new Set(discounts.map((d) => d.uid));
  const lineItems = (order.lineItems ?? []).map((line, i) => {
    const at = `${field}.line_items[${i}]`;
    const normalized = normalizeLine(line, at, currency, newUid);
    normalized.appliedTaxes?.forEach((a, j) => {
      if (!taxUids.has(a.taxUid)) throw errors.badRequest("BAD_REQUEST", `There is no tax on this order with uid ${a.taxUid}.`, `${at}.applied_taxes[${j}].tax_uid`);
    });
    normalized.appliedDiscounts?.forEach((a, j) => {
      if (!discountUids.has(a.discountUid))
        throw errors.badRequest("BAD_REQUEST", `There is no discount on this order with uid ${a.discountUid}.`, `${at}.applied_discounts[${j}].discount_uid`);
    });
    return normalized;
  });
  unique(lineItems, `${field}.line_items`);
  return { ...order, lineItems, taxes, discounts };
}

export function checkMetadata(metadata: Record<string, string | null> | null | undefined, field: string) {
  if (!metadata) return;
  const entries = Object.entries(metadata);
  if (entries.length > 10) throw errors.badRequest("TOO_MANY_MAP_ENTRIES", "At most 10 metadata entries are allowed.", field);
  for (const [k, v] of entries) {
    if (!METADATA_KEY.test(k)) throw errors.badRequest("INVALID_VALUE", "Metadata keys are 1–60 characters from [a-zA-Z0-9_-].", `${field}.${k}`);
    checkLength(v, `${field}.${k}`, 255);
  }
}

function normalizeLine(line: Square.OrderLineItem, at: string, currency: string, newUid: () => string): Square.OrderLineItem {
  checkLength(line.uid, `${at}.uid`, 60);
  if (!QUANTITY.test(line.quantity) || line.quantity.length > 12)
    throw errors.badRequest("INVALID_VALUE", `\`${line.quantity}\` is not a valid quantity.`, `${at}.quantity`);
  noCatalog(line.catalogObjectId, at);
  if (!line.name) throw errors.missing(`${at}.name`);
  checkLength(line.name, `${at}.name`, 512);
  checkLength(line.variationName, `${at}.variation_name`, 400);
  checkLength(line.note, `${at}.note`, 2000);
  checkMoney(line.basePriceMoney, `${at}.base_price_money`, currency, { required: true });
  checkMetadata(line.metadata, `${at}.metadata`);
  const modifiers = line.modifiers?.map((m, j) => {
    const mAt = `${at}.modifiers[${j}]`;
    noCatalog(m.catalogObjectId, mAt);
    if (m.quantity !== undefined && m.quantity !== null && !QUANTITY.test(m.quantity))
      throw errors.badRequest("INVALID_VALUE", `\`${m.quantity}\` is not a valid quantity.`, `${mAt}.quantity`);
    checkMoney(m.basePriceMoney, `${mAt}.base_price_money`, currency, { required: true });
    return { ...m, uid: m.uid ?? newUid() };
  });
  return {
    ...line,
    uid: line.uid ?? newUid(),
    itemType: line.itemType ?? "ITEM",
    ...(modifiers ? { modifiers } : {}),
    appliedTaxes: line.appliedTaxes?.map((a) => ({ ...a, uid: a.uid ?? newUid() })),
    appliedDiscounts: line.appliedDiscounts?.map((a) => ({ ...a, uid: a.uid ?? newUid() })),
  };
}

function normalizeTax(tax: Square.OrderLineItemTax, at: string, newUid: () => string): Square.OrderLineItemTax {
  noCatalog(tax.catalogObjectId, at);
  checkLength(tax.uid, `${at}.uid`, 60);
  checkLength(tax.name, `${at}.name`, 255);
  if (tax.percentage === undefined || tax.percentage === null) throw errors.missing(`${at}.percentage`);
  if (!parseDecimal(tax.percentage)) throw errors.badRequest("INVALID_VALUE", `\`${tax.percentage}\` is not a decimal percentage.`, `${at}.percentage`);
  const type = tax.type ?? "ADDITIVE";
  if (type !== "ADDITIVE" && type !== "INCLUSIVE") throw errors.badRequest("INVALID_VALUE", "Tax type must be ADDITIVE or INCLUSIVE.", `${at}.type`);
  checkScope(tax.scope, at);
  checkMetadata(tax.metadata, `${at}.metadata`);
  return { ...tax, uid: tax.uid ?? newUid(), type };
}

function normalizeDiscount(discount: Square.OrderLineItemDiscount, at: string, currency: string, newUid: () => string): Square.OrderLineItemDiscount {
  noCatalog(discount.catalogObjectId, at);
  checkLength(discount.uid, `${at}.uid`, 60);
  checkLength(discount.name, `${at}.name`, 255);
  const hasPercent = discount.percentage !== undefined && discount.percentage !== null;
  if (hasPercent && discount.amountMoney)
    throw errors.badRequest("CONFLICTING_PARAMETERS", "A discount has either a percentage or an amount_money.", `${at}.amount_money`);
  const type = discount.type ?? (hasPercent ? "FIXED_PERCENTAGE" : discount.amountMoney ? "FIXED_AMOUNT" : undefined);
  if (!type) throw errors.missing(`${at}.type`);
  if (type === "FIXED_PERCENTAGE") {
    const rate = parseDecimal(discount.percentage ?? "");
    if (!hasPercent) throw errors.missing(`${at}.percentage`);
    if (!rate || rate.n > 100n * rate.d) throw errors.badRequest("INVALID_VALUE", "A discount percentage is a decimal from 0 to 100.", `${at}.percentage`);
  } else if (type === "FIXED_AMOUNT") {
    checkMoney(discount.amountMoney, `${at}.amount_money`, currency, { required: true });
  } else {
    throw errors.badRequest("INVALID_VALUE", "Discounts without a catalog object must be FIXED_PERCENTAGE or FIXED_AMOUNT.", `${at}.type`);
  }
  checkScope(discount.scope, at);
  checkMetadata(discount.metadata, `${at}.metadata`);
  return { ...discount, uid: discount.uid ?? newUid(), type };
}

function checkScope(scope: string | undefined, at: string) {
  if (scope !== undefined && scope !== "ORDER" && scope !== "LINE_ITEM")
    throw errors.badRequest("INVALID_VALUE", "Scope must be ORDER or LINE_ITEM.", `${at}.scope`);
}

function noCatalog(id: string | null | undefined, at: string) {
  if (id) throw errors.notFound(`Catalog object \`${id}\` not found: the local Square has no catalog; use ad hoc values.`, `${at}.catalog_object_id`);
}

function unique(items: { uid?: string | null }[], field: string) {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.uid!)) throw errors.badRequest("INVALID_VALUE", `Duplicate uid \`${item.uid}\`.`, `${field}[${i}].uid`);
    seen.add(item.uid!);
  });
}

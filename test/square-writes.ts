// Which of the local Square's per-seller call counts (/_emulator/stats) are writes. Shared by the
// vitest and Playwright checks that a refused request wrote nothing.

// Square's POST routes that only read.
const READ_POSTS = /\/(search|bulk-retrieve|batch-retrieve|from-gan|from-nonce|calculate)$/;

/** "POST /v2/orders" is a write; "GET /v2/orders/{order_id}" and "POST /v2/orders/search" are not. */
export const isSquareWrite = (call: string) => !call.startsWith("GET ") && !READ_POSTS.test(call);

export const writesIn = (calls: Record<string, number>): Record<string, number> => Object.fromEntries(Object.entries(calls).filter(([call]) => isSquareWrite(call)));

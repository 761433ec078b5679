/**
 * Square calls per seller since that seller's last reset, keyed "METHOD /v2/path/{param}", so tests
 * and benchmarks can count what a page costs. Kept in memory only.
 */
export class CallStats {
  private readonly bySeller = new Map<string, Map<string, number>>();

  count(merchantId: string, method: string, routePath: string) {
    const key = `${method} ${routePath.replace(/:([a-z_]+)/g, "{$1}")}`;
    let calls = this.bySeller.get(merchantId);
    if (!calls) this.bySeller.set(merchantId, (calls = new Map()));
    calls.set(key, (calls.get(key) ?? 0) + 1);
  }

  read(merchantId: string) {
    const calls = Object.fromEntries(this.bySeller.get(merchantId) ?? []);
    const total = Object.values(calls).reduce((sum, n) => sum + n, 0);
    return { total, calls };
  }

  reset(merchantId: string) {
    this.bySeller.delete(merchantId);
  }

  /** Forgets every seller's counts (POST /_emulator/reset). */
  clear() {
    this.bySeller.clear();
  }
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM through file URLs that Turbopack's bundling breaks; keep it a plain Node require.
  serverExternalPackages: ["@electric-sql/pglite", "pg"],
  // Tests build into their own folder so they never disturb a developer's `npm run build` or `npm run dev`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // The public checkout's static security headers; its Content-Security-Policy carries a per-request
  // nonce, so proxy.ts sets that one.
  async headers() {
    const checkout = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      { key: "X-Frame-Options", value: "DENY" },
    ];
    return [
      { source: "/pay/:path*", headers: checkout },
      { source: "/api/pay/:path*", headers: checkout },
    ];
  },
};

module.exports = nextConfig;

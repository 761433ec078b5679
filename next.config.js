/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM through file URLs that Turbopack's bundling breaks; keep it a plain Node require.
  serverExternalPackages: ["@electric-sql/pglite", "pg"],
  // Tests build into their own folder so they never disturb a developer's `npm run build` or `npm run dev`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
};

module.exports = nextConfig;

// `npm run dev`: the local Square and `next dev` together (see scripts/lib/stack.ts).
import { runStack } from "./lib/stack";

runStack("dev").then((code) => process.exit(code));

// `npm start` (after `npm run build`): the local Square and `next start` together, or only Next
// against Square's sandbox or production (see scripts/lib/stack.ts).
import { runStack } from "./lib/stack";

runStack("start").then((code) => process.exit(code));

// Lets a plain Node process load lib/ modules (the benchmark's in-process export check, `npm run mail:cron`):
// "server-only" throws outside a React Server Components build, so it resolves to an empty module here, as in vitest.
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(`export async function resolve(specifier, context, next) {
      if (specifier === "server-only") return { url: "data:text/javascript,", shortCircuit: true };
      return next(specifier, context);
    }`),
);

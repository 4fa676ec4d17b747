import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// Dependencies point one way only: app → components → lib (../shared/style.md). A module may import from
// its own layer and the layers below it; anything climbing back up fails the lint.
const climbing = (layers, why) => ({
  "no-restricted-imports": [
    "error",
    {
      patterns: layers.map((layer) => ({
        regex: `^(@/|(\\.\\./)+)${layer}(/|$)`,
        message: `${why} (dependencies go app → components → lib).`,
      })),
    },
  ],
});

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  { ignores: [".next/**", ".data/**", "lib/generated/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  { files: ["lib/**"], rules: climbing(["app", "components"], "lib/ is the bottom layer: it never imports app/ or components/") },
  { files: ["components/**"], rules: climbing(["app"], "components/ never imports app/: take what you need as props") },
];


export default config;

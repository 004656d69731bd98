// Lint as Microsoft's Office add-in templates do (eslint-plugin-office-addins: load/sync mistakes,
// prettier as a rule), plus typescript-eslint and the React hooks rules. `npm run lint` runs it
// through office-addin-lint over src, test and bench.
import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

// eslint-plugin-office-addins bundles its own, older @typescript-eslint plugin; ESLint refuses two
// plugins under one name, so its configs use the project's typescript-eslint instead.
const officeReact = officeAddins.configs.react.map((c) =>
  c.plugins?.["@typescript-eslint"]
    ? { ...c, plugins: { ...c.plugins, "@typescript-eslint": tseslint.plugin } }
    : c
);

export default [
  {
    ignores: [
      "dist/**",
      "lib/**",
      "node_modules/**",
      "coverage/**",
      "test-output/**",
      "bench/out/**",
    ],
  },
  ...officeReact,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    languageOptions: { ecmaVersion: 2022 },
    rules: {
      // The two classic hooks rules. The React Compiler rules that v7's "recommended" adds
      // (set-state-in-effect, …) assume the compiler, which this project does not use.
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      // TypeScript resolves every identifier (Office, Excel, CustomFunctions, DOM, Node) itself;
      // ESLint's no-undef does not know the ambient types and would only duplicate it wrongly.
      "no-undef": "off",
      // The new JSX transform (react-jsx in tsconfig) needs no React in scope.
      "react/react-in-jsx-scope": "off",
      // Types checked by TypeScript; prop-types would be a second, weaker copy.
      "react/prop-types": "off",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  {
    // Node scripts (build config, icon drawing, the CLI launcher) are CommonJS.
    files: ["**/*.{js,cjs}"],
    languageOptions: {
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        process: "readonly",
        __dirname: "readonly",
        console: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // The load/sync rules recognise Office.js proxies by call shape (getRange, getCell, …). Only the
    // code that talks to Office.js has them; in exceljs code, the CLI, the fake Excel that implements
    // the API and the tests (where the fake itself throws on an unloaded read) the same call shapes
    // are plain objects, and the rules only produce false alarms.
    files: ["src/render/xlsx/**", "src/cli/**", "test/**", "bench/**"],
    ignores: ["bench/office.ts"],
    rules: {
      "office-addins/call-sync-after-load": "off",
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
    },
  },
];

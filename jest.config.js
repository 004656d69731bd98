/**
 * Two projects: pure logic / Office.js fakes / build checks run in node; React UI runs in jsdom.
 * ts-jest compiles with CommonJS modules because jest's ESM support is still experimental.
 */
const tsJest = [
  "ts-jest",
  {
    tsconfig: {
      module: "commonjs",
      moduleResolution: "node10",
      jsx: "react-jsx",
      isolatedModules: true,
    },
  },
];

const shared = {
  transform: { "^.+\\.(ts|tsx)$": tsJest },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
};

module.exports = {
  // Not a timing threshold: a hang guard. Jest's 5 s default fails workbook and LibreOffice tests
  // when the 2 cores are shared (CI on a busy runner, several worktrees testing at once).
  testTimeout: 60_000,
  projects: [
    {
      ...shared,
      displayName: "node",
      testEnvironment: "node",
      testMatch: ["<rootDir>/test/**/*.test.ts"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/ui/"],
    },
    {
      ...shared,
      displayName: "ui",
      testEnvironment: "jsdom",
      testMatch: ["<rootDir>/test/ui/**/*.test.tsx"],
      setupFiles: ["<rootDir>/test/ui/setup.ts"],
    },
  ],
};

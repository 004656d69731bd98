import * as path from "path";

/**
 * The plan document (OCR text) the data is checked against. A copy lives in the repo so the tests run
 * from any clone; test/unit/seedCopy.test.ts checks it still equals ../shared/seeds/ when that exists.
 */
export const SEED_PATH = path.resolve(__dirname, "..", "fixtures", "seed-plan-2024.txt");
export const SHARED_SEED_PATH = path.resolve(
  __dirname,
  "..",
  "..",
  "..",
  "shared",
  "seeds",
  "000_fc7e2a0271532035.txt"
);

import * as fs from "fs";
import { SEED_PATH, SHARED_SEED_PATH } from "../support/seed";

test("the repo's copy of the plan document is the shared seed, byte for byte", () => {
  const copy = fs.readFileSync(SEED_PATH);
  expect(copy.length).toBeGreaterThan(50_000);
  expect(copy.toString("utf8")).toContain(
    "NHIỆM VỤ TRỌNG TÂM CẢI CÁCH HÀNH CHÍNH SỞ KHOA HỌC VÀ CÔNG NGHỆ NĂM 2024"
  );
  // Beside a checkout that has shared/ (CI, developers), the copy must not have drifted.
  if (fs.existsSync(SHARED_SEED_PATH))
    expect(copy.equals(fs.readFileSync(SHARED_SEED_PATH))).toBe(true);
});

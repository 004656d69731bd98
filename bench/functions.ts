import "../test/support/customFunctionsStub";
import { RATE, STATUS } from "../src/functions/functions";
import { parseDeadline } from "../src/domain/deadline";
import { getPlan } from "../src/plan";
import { consume, timeMs } from "./timing";

/**
 * Custom functions against plain loops doing the same arithmetic, and the deadline parser's throughput.
 * Excel hands a range to a function as a 2-D array of rows, so that is the input shape here.
 */
export interface FunctionFigures {
  rateMs: number;
  rateLoopMs: number;
  statusMs: number;
  statusLoopMs: number;
  parserPhrasesPerSecond: number;
  parserPhrases: number;
}

const N = 100_000;

export function measureFunctions(): FunctionFigures {
  const part: number[][] = [];
  const total: number[][] = [];
  for (let i = 0; i < N; i++) {
    const t = 50 + (i % 50);
    total.push([t]);
    part.push([t - (i % 7)]);
  }
  const rateMs = timeMs(() => consume(RATE(part, total)), 31);
  const rateLoopMs = timeMs(() => {
    let p = 0;
    let t = 0;
    for (let i = 0; i < N; i++) {
      p += part[i][0];
      t += total[i][0];
    }
    consume(p / t);
  }, 31);

  // STATUS per row, as a column of =CCHC.STATUS(due, done, as_of) formulas would call it.
  const base = 45292; // 01/01/2024
  const asOf = base + 200;
  const rows = Array.from({ length: N }, (_, i) => ({
    due: base + (i % 365),
    done: i % 3 === 0 ? base + (i % 400) : null,
  }));
  const statusMs = timeMs(() => {
    let n = 0;
    for (const r of rows) if (STATUS(r.due, r.done, asOf, null) === "Quá hạn") n++;
    consume(n);
  }, 5);
  const statusLoopMs = timeMs(() => {
    let n = 0;
    for (const r of rows) {
      const state =
        r.done !== null
          ? r.done <= r.due
            ? "Hoàn thành"
            : "Hoàn thành trễ hạn"
          : asOf > r.due
            ? "Quá hạn"
            : r.due - asOf <= 7
              ? "Sắp đến hạn"
              : "Trong hạn";
      if (state === "Quá hạn") n++;
    }
    consume(n);
  }, 5);

  const phrases = getPlan().tasks.map((t) => t.deadline.text);
  const repeated: string[] = [];
  while (repeated.length < 100_000) repeated.push(...phrases);
  const parserMs = timeMs(() => {
    for (const p of repeated) consume(parseDeadline(p, { year: 2024 }));
  }, 3);
  return {
    rateMs,
    rateLoopMs,
    statusMs,
    statusLoopMs,
    parserPhrases: repeated.length,
    parserPhrasesPerSecond: Math.round(repeated.length / (parserMs / 1000)),
  };
}

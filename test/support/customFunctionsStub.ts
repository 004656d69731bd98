/**
 * A global `CustomFunctions` for node tests: the Error class and ErrorCode values of the Office
 * custom-functions runtime (CustomFunctionsRuntime 1.3), and an `associate` that records what was
 * associated. Importing this module installs it (idempotent):
 *
 *   import "../support/customFunctionsStub";
 *   import { RATE } from "../../src/functions/functions";
 *   expect(RATE([[1]], [[0]])).toEqual(excelError("#DIV/0!"));
 */

export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Same shape as the runtime's CustomFunctions.Error: `code` and an optional `message`. */
export class CustomFunctionsError {
  readonly code: ErrorCodeValue;
  readonly message?: string;
  constructor(code: ErrorCodeValue, message?: string) {
    this.code = code;
    if (message !== undefined) this.message = message;
  }
}

/** Functions passed to CustomFunctions.associate, by id. */
export const associated = new Map<string, unknown>();

export function installCustomFunctionsStub(): void {
  const g = globalThis as unknown as { CustomFunctions?: unknown };
  g.CustomFunctions = {
    Error: CustomFunctionsError,
    ErrorCode,
    associate(id: string, fn: unknown) {
      associated.set(id, fn);
    },
  };
}

installCustomFunctionsStub();

export function isCustomFunctionsError(v: unknown): v is CustomFunctionsError {
  return v instanceof CustomFunctionsError;
}

/** Matcher helper: an error with this code (and, when given, a message containing `messagePart`). */
export function excelError(code: ErrorCodeValue, messagePart?: string): object {
  return messagePart === undefined
    ? expect.objectContaining({ code })
    : expect.objectContaining({ code, message: expect.stringContaining(messagePart) });
}

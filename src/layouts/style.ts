/**
 * The look every sheet shares: font, date format, the colour pairs of good / warning / bad states,
 * and the protection options. One home, so the task states, the indicator verdicts and the legend
 * cells cannot drift apart, and actions that re-protect a sheet use what the layouts set.
 */

export const SHEET_FONT = { name: "Times New Roman", size: 11 } as const;

/** Number format of every date cell: Vietnamese staff read and type dates as dd/mm/yyyy. */
export const DATE_FORMAT = "dd/mm/yyyy";

/** Grey of notes and hints (secondary text). */
export const NOTE_COLOR = "#595959";

/** Fill and font colour pairs (Excel's "Good", "Neutral", "Bad" cell styles and two more). */
export const PALETTE = {
  good: { fill: "#C6EFCE", font: "#006100" },
  warning: { fill: "#FFEB9C", font: "#9C5700" },
  bad: { fill: "#FFC7CE", font: "#9C0006" },
  late: { fill: "#F8CBAD", font: "#833C0B" },
  muted: { fill: "#D9D9D9", font: NOTE_COLOR },
  alarm: { fill: "#FF0000", font: "#FFFFFF" },
} as const;

/**
 * Protection of every sheet (no password, so staff can lift it): filtering, sorting and resizing
 * columns stay allowed. Actions that unprotect a sheet to write put these back when the sheet had no
 * options of its own.
 */
export const SHEET_PROTECTION = {
  allowAutoFilter: true,
  allowSort: true,
  allowFormatColumns: true,
} as const;

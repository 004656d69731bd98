/**
 * The organisation's real units and the groups a plan names as leads ("Các phòng chuyên môn"): who
 * answers for a task led by a group. A group's task counts for each of its member units (once per
 * unit, however many of its groups lead the task); a group without members answers for its tasks
 * itself, so no task is left without a line. The "Đơn vị" sheet (src/layouts/rosterSheet.ts) is where
 * the coordinator lists the units and their groups; this module turns that list into the per-unit
 * lines and ids of UnitAccounts. Written out in docs/sheets.md ("Đơn vị").
 */
import { unitLineId, type RollupUnit, type UnitAccounts } from "./unitRollup";

export type RosterKind = "unit" | "group";

export interface RosterEntry {
  /** The name shown (the coordinator may correct the plan's spelling). */
  name: string;
  /** The plan's canonical name this entry stands for (what tasks' leads say), or null. */
  planName: string | null;
  kind: RosterKind;
  /** Positions (in the roster) of the groups a unit belongs to; ignored for a group. */
  groups: readonly number[];
}

/** Shown after a group's name when it answers for its tasks itself (no member unit listed yet). */
export const GROUP_WITHOUT_MEMBERS_SUFFIX = " (nhóm)";

/** Positions of the units that belong to the group at `group`. */
export function membersOf(roster: readonly RosterEntry[], group: number): number[] {
  const out: number[] = [];
  roster.forEach((e, i) => {
    if (e.kind === "unit" && e.groups.includes(group)) out.push(i);
  });
  return out;
}

/**
 * The per-unit lines of a roster: every unit, and every group without a member unit, in roster order.
 * A line's id is its entry's position (unitLineId), so the hidden lead column and the lines agree.
 */
export function rosterAccounts(roster: readonly RosterEntry[]): UnitAccounts {
  const units: RollupUnit[] = [];
  const answering: number[][] = roster.map((e, i) => {
    if (e.kind === "unit") return [i];
    const members = membersOf(roster, i);
    return members.length > 0 ? members : [i];
  });
  roster.forEach((e, i) => {
    if (e.kind === "unit") units.push({ id: unitLineId(i), name: e.name });
    else if (answering[i].length === 1 && answering[i][0] === i)
      units.push({ id: unitLineId(i), name: `${e.name}${GROUP_WITHOUT_MEMBERS_SUFFIX}` });
  });
  const byPlanName = new Map<string, number>();
  roster.forEach((e, i) => {
    if (e.planName !== null && !byPlanName.has(e.planName)) byPlanName.set(e.planName, i);
  });
  return {
    units,
    accountable: (lead) => {
      const ids = new Set<string>();
      for (const name of lead) {
        const at = byPlanName.get(name);
        if (at !== undefined) for (const i of answering[at]) ids.add(unitLineId(i));
      }
      return [...ids];
    },
  };
}

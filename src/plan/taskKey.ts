/**
 * Identities that survive new versions of the add-in: a task is `${code}#${occurrence}` (codes repeat
 * in the document: 2.23 and 2.25 twice), an objective is "III.1.9" / "VII.7.2.1.6".
 * No imports: the layouts and the custom functions use these without loading the plan.
 */

export function taskKey(code: string, occurrence: number): string {
  return `${code}#${occurrence}`;
}

/** "2.23#2" → { code: "2.23", occurrence: 2 }; null when the text is not a task key. */
export function parseTaskKey(key: string): { code: string; occurrence: number } | null {
  const m = /^(.+)#([1-9]\d*)$/.exec(key);
  return m ? { code: m[1], occurrence: Number(m[2]) } : null;
}

/** Reference of an objective: section, subsection when there is one, then its code ("VII.7.2.1.6"). */
export function objectiveRef(section: string, subsection: string | null, code: string): string {
  return subsection ? `${section}.${subsection}.${code}` : `${section}.${code}`;
}

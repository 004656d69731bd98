import { XMLParser, XMLValidator } from "fast-xml-parser";

/**
 * Structural checks of an add-in manifest that the (online-only) `office-addin-manifest validate`
 * would catch or that Excel reports only as "add-in failed to load": returns the problems found.
 */
type Node = Record<string, unknown>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function walk(node: unknown, path: string[], visit: (node: Node, path: string[]) => void): void {
  if (Array.isArray(node)) {
    node.forEach((child) => walk(child, path, visit));
    return;
  }
  if (node && typeof node === "object") {
    visit(node as Node, path);
    for (const [key, child] of Object.entries(node as Node)) {
      if (!key.startsWith("@_")) walk(child, [...path, key], visit);
    }
  }
}

const strip = (name: string): string => name.replace(/^.*:/, "");

export function checkManifest(xml: string): string[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return [`not well-formed: ${valid.err.msg} (line ${valid.err.line})`];
  const doc = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    parseTagValue: false,
  }).parse(xml) as Node;
  const problems: string[] = [];

  const defined = new Map<string, string>();
  const used: { resid: string; where: string }[] = [];
  const ids: string[] = [];
  const urls: string[] = [];
  const sharedRuntimeResids: { role: string; resid: string }[] = [];
  let idText = "";

  walk(doc, [], (node, path) => {
    const tag = strip(path[path.length - 1] ?? "");
    const parent = strip(path[path.length - 2] ?? "");
    const id = node["@_id"];
    if (typeof id === "string") {
      ids.push(id);
      if (["Images", "Urls", "ShortStrings", "LongStrings"].includes(parent)) {
        defined.set(id, String(node["@_DefaultValue"] ?? ""));
      }
    }
    const resid = node["@_resid"];
    if (typeof resid === "string") {
      used.push({ resid, where: path.map(strip).join("/") });
      const where = path.map(strip);
      if (tag === "Runtime") sharedRuntimeResids.push({ role: "Runtime", resid });
      if (tag === "FunctionFile") sharedRuntimeResids.push({ role: "FunctionFile", resid });
      if (tag === "SourceLocation" && where.includes("Page"))
        sharedRuntimeResids.push({ role: "CustomFunctions Page", resid });
      if (tag === "SourceLocation" && where.includes("Action"))
        sharedRuntimeResids.push({ role: "Taskpane", resid });
    }
    const value = node["@_DefaultValue"];
    if (typeof value === "string" && /^[a-z]+:\/\//i.test(value)) urls.push(value);
    if (tag === "Id" && typeof node["#text"] === "string") idText = node["#text"];
  });

  const root = doc["OfficeApp"] as Node | undefined;
  if (!root) return ["no OfficeApp root element"];
  if (typeof root["Id"] === "string") idText = root["Id"];
  if (!GUID.test(idText.trim())) problems.push(`Id is not a GUID: "${idText}"`);

  const domains = (root["AppDomains"] as Node | undefined)?.["AppDomain"];
  for (const d of ([] as unknown[]).concat(domains ?? [])) urls.push(String(d));

  for (const { resid, where } of used) {
    if (!defined.has(resid)) problems.push(`resid "${resid}" used at ${where} but not defined`);
    if (resid.length > 32) problems.push(`resid "${resid}" is longer than 32 characters`);
  }
  for (const id of ids)
    if (id.length > 32) problems.push(`id "${id}" is longer than 32 characters`);
  for (const url of urls) if (!/^https:\/\//i.test(url)) problems.push(`URL is not https: ${url}`);

  const nsResid = used.find(
    (u) =>
      u.where.endsWith("CustomFunctions/Namespace") || u.where.endsWith("ExtensionPoint/Namespace")
  );
  if (!nsResid) problems.push("no custom functions Namespace");
  else if (defined.get(nsResid.resid) !== "CCHC")
    problems.push(`custom functions namespace is "${defined.get(nsResid.resid)}", not "CCHC"`);

  const roles = new Set(sharedRuntimeResids.map((r) => r.role));
  for (const role of ["Runtime", "FunctionFile", "CustomFunctions Page", "Taskpane"]) {
    if (!roles.has(role)) problems.push(`shared runtime: no ${role}`);
  }
  const targets = new Set(sharedRuntimeResids.map((r) => defined.get(r.resid) ?? r.resid));
  if (targets.size > 1) {
    problems.push(
      `shared runtime pieces point at different URLs: ${sharedRuntimeResids.map((r) => `${r.role}=${defined.get(r.resid)}`).join(", ")}`
    );
  }
  if (!/Name="SharedRuntime"/.test(xml)) problems.push("SharedRuntime requirement set missing");
  return problems;
}

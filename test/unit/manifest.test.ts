import * as fs from "fs";
import * as path from "path";
import { checkManifest } from "../support/manifestChecks";
import { XMLParser } from "fast-xml-parser";

const manifest = fs.readFileSync(path.join(__dirname, "..", "..", "manifest.xml"), "utf8");

describe("manifest.xml", () => {
  test("passes every structural check", () => {
    expect(checkManifest(manifest)).toEqual([]);
  });

  test("declares the CCHC group on the Home tab and icons that exist in assets/", () => {
    expect(manifest).toMatch(
      /<OfficeTab id="TabHome">\s*<Group id="CCHC.Group">\s*<Label resid="Group.Label"\/>/
    );
    expect(manifest).toContain('<bt:String id="Group.Label" DefaultValue="CCHC"/>');
    for (const size of [16, 32, 64, 80]) {
      expect(manifest).toContain(`assets/icon-${size}.png`);
      const png = fs.readFileSync(path.join(__dirname, "..", "..", "assets", `icon-${size}.png`));
      expect(png.readUInt32BE(16)).toBe(size);
      expect(png.readUInt32BE(20)).toBe(size);
    }
  });

  test("has a Vietnamese display name and description", () => {
    expect(manifest).toMatch(/<DisplayName DefaultValue="[^"]*CCHC[^"]*"/);
    expect(manifest).toMatch(/<Description DefaultValue="[^"]*cải cách hành chính[^"]*"/);
    expect(manifest).toContain("<DefaultLocale>vi-VN</DefaultLocale>");
  });

  // Each defect below must be caught: proves the checks above can fail.
  const broken: [string, (xml: string) => string, RegExp][] = [
    [
      "a resid used but not defined",
      (x) => x.replace('resid="Group.Label"', 'resid="Group.Missing"'),
      /not defined/,
    ],
    [
      "an id over 32 characters",
      (x) => x.replace('id="CCHC.OpenPane"', `id="${"X".repeat(33)}"`),
      /longer than 32/,
    ],
    [
      "a non-https URL",
      (x) =>
        x.replace("https://localhost:3000/functions.json", "http://localhost:3000/functions.json"),
      /not https/,
    ],
    ["a non-GUID Id", (x) => x.replace(/<Id>[^<]*<\/Id>/, "<Id>not-a-guid</Id>"), /not a GUID/],
    [
      "a namespace other than CCHC",
      (x) =>
        x.replace(
          'id="Functions.Namespace" DefaultValue="CCHC"',
          'id="Functions.Namespace" DefaultValue="CONTOSO"'
        ),
      /not "CCHC"/,
    ],
    [
      "shared runtime pieces on different URLs",
      (x) =>
        x.replace(
          '<FunctionFile resid="Taskpane.Url"/>',
          '<FunctionFile resid="GetStarted.LearnMoreUrl"/>'
        ),
      /different URLs/,
    ],
    ["a well-formedness error", (x) => x.replace("</Hosts>", "</Hostz>"), /well-formed/],
  ];
  test.each(broken)("catches %s", (_name, mutate, expected) => {
    const mutated = mutate(manifest);
    expect(mutated).not.toBe(manifest);
    expect(checkManifest(mutated).join("\n")).toMatch(expected);
  });
});

describe("manifest with a deployment URL (ADDIN_URL)", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { rewriteManifest } = require("../../webpack.config.js") as {
    rewriteManifest: (content: string, url: string | null) => string;
  };

  test("XML specials in the URL (& < > \" ') are escaped: the manifest stays well-formed", () => {
    const url = "https://intranet.example.gov.vn/cchc/?site=so&v='2'&x=\"<y>\"/";
    const out = rewriteManifest(manifest, url);
    expect(checkManifest(out)).toEqual([]);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_" }).parse(
      out
    ) as { OfficeApp: { DefaultSettings: { SourceLocation: { "@_DefaultValue": string } } } };
    expect(doc.OfficeApp.DefaultSettings.SourceLocation["@_DefaultValue"]).toBe(
      `${url}taskpane.html`
    );
    expect(out).not.toMatch(/localhost/);
  });
});

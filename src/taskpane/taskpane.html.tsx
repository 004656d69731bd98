/**
 * The task pane page, written by the build (html-webpack-plugin runs this module in Node and injects
 * the deferred scripts into the head). The body holds the pane as React first renders it (Shell,
 * "connecting"), with the styles Fluent would insert, so the pane is on screen once the HTML is
 * parsed instead of after functions.js, commands.js and taskpane.js have run and React has rendered;
 * React's first render then replaces it with the same markup. Only <style> elements are added,
 * which the page's Content-Security-Policy already allows (style-src 'unsafe-inline').
 */
import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server.node";
import {
  createDOMRenderer,
  RendererProvider,
  renderToStyleElements,
} from "@fluentui/react-components";
import { Connecting, Shell } from "./Shell";

/** What webpack.config.js passes as templateParameters. */
interface PageParameters {
  csp: string;
}

export function connectingPane(): { head: string; body: string } {
  const renderer = createDOMRenderer();
  const body = renderToStaticMarkup(
    <RendererProvider renderer={renderer}>
      <Shell>
        <Connecting />
      </Shell>
    </RendererProvider>
  );
  const head = renderToStaticMarkup(<>{renderToStyleElements(renderer)}</>);
  return { head, body };
}

export default function taskpanePage({ csp }: PageParameters): string {
  const pane = connectingPane();
  return `<!doctype html>
<html lang="vi">
  <head>
    <meta charset="UTF-8" />
    <meta http-equiv="Content-Security-Policy" content="${csp}" />
    <meta http-equiv="X-UA-Compatible" content="IE=Edge" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Theo dõi CCHC</title>
    <!-- office.js must come from Microsoft's CDN in production; tests route this URL to node_modules. -->
    <script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>
    ${pane.head}
  </head>
  <body style="margin: 0">
    <div id="root">${pane.body}</div>
  </body>
</html>`;
}

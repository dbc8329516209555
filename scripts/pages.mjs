import { createHash } from "node:crypto";

// The HTML pages of dist/web, from one template: every page gets the same head (language,
// viewport, icon, stylesheet, a strict Content Security Policy); pages that run inside Office add
// Microsoft's CDN for office.js and the sign-in hosts, and nothing else.
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

export const PAGES = [
  { file: "index.html", title: "IRO Desk sandbox", body: "index" },
  { file: "preview-outlook.html", title: "Outlook preview – IRO Desk sandbox", script: "js/preview-outlook.js", loading: "Loading the preview…" },
  { file: "preview-caseload.html", title: "Caseload preview – IRO Desk sandbox", script: "js/preview-caseload.js", loading: "Loading the preview…" },
  { file: "preview-manager.html", title: "Managers' view – IRO Desk sandbox", script: "js/preview-manager.js", loading: "Loading the preview…" },
  { file: "preview-mail.html", title: "Outlook mail preview – IRO Desk sandbox", script: "js/preview-mail.js", loading: "Loading the preview…" },
  { file: "preview-outside.html", title: "Someone outside the council – IRO Desk sandbox", script: "js/preview-outside.js", loading: "Loading the preview…" },
  { file: "preview-teams.html", title: "Teams preview – IRO Desk sandbox", script: "js/preview-teams.js", loading: "Loading the preview…", host: "teams" },
  // teams-js fetches its list of valid host origins from res.cdn.office.net (it falls back to a built-in list).
  { file: "teams-sidepanel.html", title: "IRO Desk", script: "js/teams-sidepanel.js", teams: true, host: "teams", loading: "Loading IRO Desk…" },
  { file: "teams-tab.html", title: "IRO Desk caseload", script: "js/teams-tab.js", teams: true, host: "teams", loading: "Loading IRO Desk…" },
  { file: "teams-manager.html", title: "IRO Desk managers' view", script: "js/teams-manager.js", teams: true, host: "teams", loading: "Loading IRO Desk…" },
  { file: "teams-config.html", title: "IRO Desk", script: "js/teams-config.js", teams: true, host: "teams", loading: "Loading…" },
  // async: the task pane starts while office.js loads, and waits for it (src/adapters/office/officeReady.ts).
  // inline: the kept picture of the pane (src/hosts/outlook-picture.ts), run as the page is parsed.
  { file: "taskpane.html", title: "IRO Desk", inline: "js/outlook-picture.js", script: "js/outlook-taskpane.js", office: true, async: true, loading: "Loading IRO Desk…" },
  { file: "commands.html", title: "IRO Desk commands", script: "js/outlook-commands.js", office: true },
  { file: "auth-dialog.html", title: "Sign in to IRO Desk", script: "js/outlook-auth-dialog.js", office: true, loading: "Signing in…" },
];

/**
 * One page. `stylesheet` is the style sheet's path (named by its content); `config` is the build's configuration, put in the page as a JSON data block (not
 * run, so the CSP needs no exception) for the script to read without a request; `preload` lists
 * the chunks its entry imports, fetched at once (modulepreload) rather than after the entry;
 * `views` lists each view's chunks (a data block too), for the page to fetch the view it opens at once.
 * `page.inline` is the code of the page's one inline script, allowed by its hash in the CSP.
 */
export function renderPage(page, bodies, { stylesheet, config, preload = [], views = {} }) {
  const csp = [
    "default-src 'self'",
    // Inline scripts only by their hash (the page's own, written by the build).
    `script-src 'self'${page.office ? " https://appsforoffice.microsoft.com" : ""}${page.inline ? ` 'sha256-${createHash("sha256").update(page.inline).digest("base64")}'` : ""}`,
    `connect-src 'self'${page.office || page.teams ? " https://graph.microsoft.com https://login.microsoftonline.com" : ""}${page.teams ? " https://res.cdn.office.net" : ""}`,
    `frame-src 'self'${page.office ? " https://login.microsoftonline.com" : ""}`,
    // Inline style attributes only (layout tweaks in components).
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
  ].join("; ");
  const scripts = [
    // The data blocks first: an async script may run before the parser reaches anything after it.
    // "<" escaped, so no value can close the block.
    ...(config && page.script && !page.classic ? [`<script type="application/json" id="iro-desk-config">${JSON.stringify(config).replace(/</g, "\\u003c")}</script>`] : []),
    ...(Object.keys(views).length > 0 ? [`<script type="application/json" id="iro-desk-chunks">${JSON.stringify(views).replace(/</g, "\\u003c")}</script>`] : []),
    // The pane's modules before office.js, so they are fetched while it is. A module runs once
    // the page is parsed (after office.js), or with `async` as soon as it is here.
    // Extension pages load classic (IIFE) bundles, at the end of the body's parsing.
    ...(page.script ? [page.classic ? `<script src="${page.script}" defer></script>` : `<script type="module"${page.async ? " async" : ""} src="${page.script}"></script>`] : []),
    ...preload.map((chunk) => `<link rel="modulepreload" href="${chunk}">`),
    // Office.js must come from Microsoft's CDN (Office Store policy 1120.2).
    ...(page.office ? [`<script src="${OFFICE_CDN}"></script>`] : []),
  ];
  // A page's inline script after #app, which it draws into: it runs as the parser reaches it (after office.js).
  const body = page.body ? bodies[page.body] : `<div id="app">${page.loading ? `<p class="pane">${page.loading}</p>` : ""}</div>${page.inline ? `\n  <script>${page.inline}</script>` : ""}`;
  return `<!doctype html>
<html lang="en-GB" data-theme="light"${page.host ? ` data-host="${page.host}"` : ""}>
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  ${page.csp === false ? "" : `<meta http-equiv="Content-Security-Policy" content="${csp}">`}
  <title>${page.title}</title>
  <link rel="icon" href="assets/icon-32.png">
  <link rel="stylesheet" href="${stylesheet}">
  ${scripts.join("\n  ")}
</head>
<body>
  ${body.trim()}
</body>
</html>
`;
}

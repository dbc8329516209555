import type { ComponentChild } from "preact";
import { errorText, Notice } from "../../ui/Notice.js";
import { pageConfig, type HostConfig } from "../root/hostConfig.js";
import { showInApp } from "../showInApp.js";
import { demoUsers, type DemoUser } from "./demoUsers.js";

/** Shows a preview page in #app once the configuration and the sandbox's demo users are known, or says the sandbox is not answering. */
export function mountPreview(page: (users: readonly DemoUser[], config: HostConfig) => ComponentChild): void {
  Promise.all([demoUsers(), pageConfig()]).then(
    ([users, config]) => showInApp(page(users, config)),
    (error: unknown) => showInApp(<main class="pane"><Notice kind="error">{errorText(error)} Is the sandbox running (npm start)?</Notice></main>),
  );
}

import type { ComponentChild } from "preact";
import { errorText, Notice } from "../../ui/Notice.js";
import { showInApp } from "../showInApp.js";
import { demoUsers, type DemoUser } from "./sandboxEnv.js";

/** Shows a preview page in #app once the sandbox's demo users are known, or says the sandbox is not answering. */
export function mountPreview(page: (users: readonly DemoUser[]) => ComponentChild): void {
  demoUsers().then(
    (users) => showInApp(page(users)),
    (error: unknown) => showInApp(<Notice kind="error">{errorText(error)} Is the sandbox running (npm start)?</Notice>),
  );
}

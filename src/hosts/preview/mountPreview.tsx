import { render, type ComponentChild } from "preact";
import { errorText, Notice } from "../../ui/Notice.js";
import { demoUsers, type DemoUser } from "./sandboxEnv.js";

/** Shows a preview page in #app once the sandbox's demo users are known, or says the sandbox is not answering. */
export function mountPreview(page: (users: readonly DemoUser[]) => ComponentChild): void {
  const root = document.getElementById("app")!;
  // Preact renders beside what is already there: the "Loading" text goes first.
  const show = (ui: ComponentChild) => ((root.textContent = ""), render(ui, root));
  demoUsers().then(
    (users) => show(page(users)),
    (error: unknown) => show(<Notice kind="error">{errorText(error)} Is the sandbox running (npm start)?</Notice>),
  );
}

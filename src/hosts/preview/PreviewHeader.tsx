import type { ComponentChildren } from "preact";
import { useEffect } from "preact/hooks";
import type { DemoUser } from "./demoUsers.js";

/** The bar above every sandbox preview: who is signed in, the theme, and any controls of the surface. */
export function PreviewHeader(props: { title: string; users: readonly DemoUser[]; upn: string; onUser: (upn: string) => void; theme: string; onTheme: (theme: string) => void; children?: ComponentChildren }) {
  useEffect(() => void (document.documentElement.dataset.theme = props.theme), [props.theme]);
  return (
    <header class="frame" style="margin:16px 16px 0">
      <div class="body row">
        <strong>IRO Desk sandbox: {props.title}</strong>
        <label class="inline" for="preview-user">Signed in as</label>
        <select id="preview-user" value={props.upn} onChange={(e) => props.onUser(e.currentTarget.value)} style="width:auto">
          {props.users.map((u) => (
            <option value={u.upn} key={u.upn}>{u.displayName} ({u.jobTitle})</option>
          ))}
        </select>
        {props.children}
        <label class="inline" for="preview-theme">Theme</label>
        <select id="preview-theme" value={props.theme} onChange={(e) => props.onTheme(e.currentTarget.value)} style="width:auto">
          <option value="light">Light</option>
          <option value="dark">Dark</option>
          <option value="contrast">High contrast</option>
        </select>
      </div>
    </header>
  );
}

import { useEffect, useState } from "preact/hooks";
import { DEFAULT_LADDER } from "../domain/disputes/dispute.js";
import { DEFAULT_TEMPLATES } from "../domain/templates/defaultTemplates.js";
import type { StoredSettings } from "../ports/SettingsStore.js";
import type { PaneEnv } from "./env.js";
import { errorText } from "./Notice.js";

/**
 * The service's templates and ladder (IRO Desk's own until they are read). Where the service's
 * cannot be read or used, `problem` says why in words, for the pane to show beside what it offers:
 * the defaults are never used without saying so.
 */
export function useServiceSettings(env: PaneEnv): StoredSettings & { readonly problem: string | null } {
  const [settings, setSettings] = useState<StoredSettings & { problem: string | null }>({ service: env.settings, templates: DEFAULT_TEMPLATES, ladder: DEFAULT_LADDER, version: "", problem: null });
  useEffect(() => {
    const abort = new AbortController();
    env.serviceSettings.read(abort.signal).then(
      (s) => !abort.signal.aborted && setSettings({ ...s, problem: null }),
      (e: unknown) => !abort.signal.aborted && setSettings((before) => ({ ...before, problem: `${errorText(e)} Until then IRO Desk's own templates and dispute ladder are shown here.` })),
    );
    return () => abort.abort();
  }, [env]);
  return settings;
}

import { useEffect, useState } from "preact/hooks";
import { DEFAULT_LADDER } from "../domain/disputes/dispute.js";
import { DEFAULT_TEMPLATES } from "../domain/templates/defaultTemplates.js";
import type { StoredSettings } from "../ports/SettingsStore.js";
import type { PaneEnv } from "./env.js";

/** The service's templates and ladder (the defaults until they are read). */
export function useServiceSettings(env: PaneEnv): StoredSettings {
  const [settings, setSettings] = useState<StoredSettings>({ service: env.settings, templates: DEFAULT_TEMPLATES, ladder: DEFAULT_LADDER, version: "" });
  useEffect(() => {
    const abort = new AbortController();
    env.serviceSettings.read(abort.signal).then((s) => !abort.signal.aborted && setSettings(s), () => undefined);
    return () => abort.abort();
  }, [env]);
  return settings;
}

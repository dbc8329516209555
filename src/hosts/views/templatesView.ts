import type { View } from "../root/view.js";

/** RAG and escalation templates into the email being written, or a field on a web page. */
export const templatesView: View = {
  id: "templates",
  label: "Templates",
  opensFor: (item) => item.compose !== null,
  pane: "TemplatePane",
  load: async () => (await import("../../ui/TemplatePane.js")).TemplatePane,
};

import type { View } from "../root/view.js";

/** The chair's checklist and outcome in a Teams meeting's side panel. */
export const checklistView: View = {
  id: "checklist",
  label: "Checklist",
  opensFor: (item) => item.meeting !== null,
  pane: "ChecklistPane",
  load: async () => (await import("../../ui/ChecklistPane.js")).ChecklistPane,
};

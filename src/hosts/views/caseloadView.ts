import type { View } from "../root/view.js";

/** The caseload sidebar: an IRO's children, or the whole service for a manager. */
export const caseloadView: View = {
  id: "caseload",
  label: "Caseload",
  pane: "CaseloadPane",
  load: async () => (await import("../../ui/CaseloadPane.js")).CaseloadPane,
};

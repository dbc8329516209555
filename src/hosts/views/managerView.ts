import { isManager } from "../../ui/env.js";
import type { View } from "../root/view.js";

/** The managers' view (figures, import, templates and the dispute ladder): only for the service's managers. */
export const managerView: View = {
  id: "manager",
  label: "Managers' view",
  allowed: isManager,
  pane: "ManagerPane",
  load: async () => (await import("../../ui/ManagerPane.js")).ManagerPane,
};

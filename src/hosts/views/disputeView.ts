import type { View } from "../root/view.js";

/** Raise, escalate and resolve disputes; opens for a received email. */
export const disputeView: View = {
  id: "dispute",
  label: "Disputes",
  opensFor: (item) => item.message !== null,
  pane: "DisputePane",
  load: async () => (await import("../../ui/DisputePane.js")).DisputePane,
};

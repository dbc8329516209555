import { useEffect, useState } from "preact/hooks";
import { proposalStatus, type ProposalStatus } from "../../app/proposals/proposalStatus.js";
import type { Proposal } from "../../domain/proposals/proposal.js";
import type { StoredCase } from "../../ports/CaseStore.js";
import type { PaneEnv } from "../env.js";
import { errorText } from "../Notice.js";

export type ProposalState = { kind: "loading" } | { kind: "ready"; status: ProposalStatus } | { kind: "failed"; message: string };

/** Where a child's proposed times stand, read when the pane opens and again on reload(). */
export function useProposal(env: PaneEnv, stored: StoredCase, proposal: Proposal): { state: ProposalState; reload: () => void } {
  const [state, setState] = useState<ProposalState>({ kind: "loading" });
  const [round, setRound] = useState(0);
  useEffect(() => {
    const abort = new AbortController();
    proposalStatus({ holds: env.holds, cases: env.cases }, stored, proposal, env.me.address, env.today(), abort.signal).then(
      (status) => !abort.signal.aborted && setState({ kind: "ready", status }),
      (error: unknown) => !abort.signal.aborted && setState({ kind: "failed", message: errorText(error) }),
    );
    return () => abort.abort();
  }, [env, stored.id, proposal.id, round]);
  return { state, reload: () => setRound((n) => n + 1) };
}

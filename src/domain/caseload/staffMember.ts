/** An IRO or CP chair of the service, with the hours their caseload band is scaled by. */
export interface StaffMember {
  readonly upn: string;
  readonly name: string;
  /** Full-time equivalent: 1 for full time, 0.6 for three days a week. */
  readonly fte: number;
  /** Chairs child protection conferences. */
  readonly cpChair?: boolean;
}

/**
 * The sections of the IRO annual report and the quarterly performance report, in the order the
 * councils' reports use (IRO Handbook 2010, ch. 7: the annual report to the corporate parenting
 * board), each listing the figures (serviceFigures ids) it shows. A section whose figures IRO Desk
 * does not record says so and leaves the manager a marked place for the service's own figures.
 * A new figure joins the report by adding its id here.
 */
export interface SectionPlan {
  readonly id: string;
  readonly title: string;
  readonly figures: readonly string[];
  /** Said when none of the figures is recorded; also where a figure the section wants is not. */
  readonly notRecorded?: string;
  /** What the manager is asked to write under the section. */
  readonly prompt: string;
}

export const REPORT_SECTIONS: readonly SectionPlan[] = [
  {
    id: "children",
    title: "The children",
    figures: ["on-register", "children-by-age", "lac-by-legal-status"],
    prompt: "what the numbers say about the children the service reviews, and what changed",
  },
  {
    id: "caseloads",
    title: "IRO caseloads",
    figures: ["caseload"],
    prompt: "staffing through the period (vacancies, agency IROs, changes of IRO) and its effect on caseloads",
  },
  {
    id: "lac-reviews",
    title: "Looked after children's reviews",
    figures: ["lac-reviews-in-timescale", "late-reasons"],
    prompt: "why reviews were late and what the service is doing about it",
  },
  {
    id: "cp-conferences",
    title: "Child protection conferences",
    figures: ["icpc-in-timescale", "rcpc-in-timescale"],
    prompt: "the timeliness of conferences and what affected it",
  },
  {
    id: "participation",
    title: "Children's participation",
    figures: ["participation", "seen-before-review"],
    notRecorded: "IRO Desk does not yet record whether consultation forms were returned: add the service's own figures if it keeps them.",
    prompt: "how children took part, consultation returned, and what the service learnt from them",
  },
  {
    id: "rag",
    title: "Care plans: RAG ratings",
    figures: ["rag"],
    prompt: "themes behind Red and Amber ratings and how drift was resolved",
  },
  {
    id: "disputes",
    title: "Disputes and escalation",
    figures: ["disputes", "dispute-resolution"],
    prompt: "the themes of disputes, what they changed for children, and any referral to Cafcass",
  },
  {
    id: "records",
    title: "Records and minutes sent in time",
    figures: ["records-sent-in-time"],
    prompt: "the timeliness of decisions and records and what affected it",
  },
  {
    id: "feedback",
    title: "Feedback from children and families",
    figures: [],
    notRecorded: "IRO Desk does not record the answers to the service's feedback questionnaire: add what children, young people and families said.",
    prompt: "feedback received and what the service changed because of it",
  },
];

import { DEFAULT_LADDER } from "../disputes/dispute.js";
import type { EmailTemplate } from "./emailTemplate.js";

const rag = (rating: "Red" | "Amber" | "Green", ask: string): EmailTemplate => ({
  id: `rag-${rating.toLowerCase()}`,
  name: `RAG ${rating}: monitoring email`,
  kind: "rag",
  subject: `RAG ${rating} – ref {{caseRef}}: care plan monitoring`,
  body: `Dear {{socialWorker}},

Following the review on {{lastReview}}, I have rated the care plan for ref {{caseRef}} {{rating}}: {{ratingMeaning}}

{{concerns}}

${ask}
{{actions}}

Please respond by {{responseDue}}. {{nextDue}}.

{{iro}}
Independent Reviewing Officer`,
});

const stageLetter = (index: number): EmailTemplate => {
  const stage = DEFAULT_LADDER[index]!;
  const cafcass = stage.responseDays === null;
  return {
    id: cafcass ? "dispute-cafcass" : `dispute-stage-${index + 1}`,
    name: cafcass ? "Dispute: referral to Cafcass" : `Dispute stage ${index + 1}: ${stage.name}`,
    kind: "dispute",
    subject: cafcass ? "Referral to Cafcass – ref {{caseRef}}" : "Dispute resolution stage {{stageNumber}} – ref {{caseRef}}: {{disputeTheme}}",
    body: cafcass
      ? `To the Cafcass duty manager,

I am referring the case of ref {{caseRef}} under the IRO's power to refer to Cafcass (Adoption and Children Act 2002, s.118), after the council's dispute resolution process did not resolve the following.

{{disputeIssue}}

The steps taken and the responses received are set out in the dispute record. I would be grateful for contact to discuss.

{{iro}}
Independent Reviewing Officer`
      : `Dear {{stageName}},

I am raising, at stage {{stageNumber}} of the dispute resolution protocol ({{stageName}}), a concern about the care plan for ref {{caseRef}} ({{disputeTheme}}).

{{disputeIssue}}

Please respond by {{responseDue}}. If the issue is not resolved by then, I will escalate it to the next stage.

{{iro}}
Independent Reviewing Officer`,
  };
};

/** The template set a service starts with and can adapt (settings, stored in the case store). */
export const DEFAULT_TEMPLATES: readonly EmailTemplate[] = [
  rag("Red", "The following must happen, by the dates shown:"),
  rag("Amber", "To resolve the concern, please make sure that:"),
  {
    ...rag("Green", "Agreed actions:"),
    body: `Dear {{socialWorker}},

Following the review on {{lastReview}}, I have rated the care plan for ref {{caseRef}} Green: {{ratingMeaning}}

Agreed actions:
{{actions}}

{{nextDue}}.

{{iro}}
Independent Reviewing Officer`,
  },
  ...DEFAULT_LADDER.map((_, i) => stageLetter(i)),
  {
    id: "review-invitation",
    name: "Review invitation",
    kind: "invitation",
    subject: "Invitation: review for ref {{caseRef}} on {{meetingDate}}",
    body: `Hello,

You are invited to the review for ref {{caseRef}} on {{meetingDate}}, chaired by {{iro}}.

Please return your consultation form before the meeting. Afterwards, you can tell us how it went: {{feedbackUrl}}

{{iro}}
Independent Reviewing Officer`,
  },
  {
    id: "consultation-request",
    name: "Consultation request",
    kind: "consultation",
    subject: "Your views before the review – ref {{caseRef}}",
    body: `Hello,

The review meeting for ref {{caseRef}} is on {{meetingDate}}. Your views matter: please complete the consultation form and return it at least 3 working days before the meeting.

{{iro}}
Independent Reviewing Officer`,
  },
  {
    id: "decisions-circulation",
    name: "Decisions circulation",
    kind: "decisions",
    subject: "Decisions – ref {{caseRef}}, meeting of {{meetingDate}}",
    body: `Hello,

These are the decisions of the meeting for ref {{caseRef}} on {{meetingDate}}. For child protection conferences they are circulated within 1 working day (by {{decisionsDue}}).

{{actions}}

The full record will follow.

{{iro}}`,
  },
  {
    id: "record-circulation",
    name: "Record circulation",
    kind: "record",
    subject: "Record of the meeting – ref {{caseRef}}, {{meetingDate}}",
    body: `Hello,

The record of the meeting for ref {{caseRef}} on {{meetingDate}} is attached to the child's file. Please let me know of any factual corrections within 5 working days.

{{iro}}`,
  },
];

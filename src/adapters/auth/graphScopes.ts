/**
 * The delegated Graph permissions IRO Desk asks for, and why (least privilege: no .All scopes
 * on mail or calendars, and the case register through Sites.Selected, granted on one site).
 */
export const GRAPH_SCOPES = [
  "User.Read", // who is signed in
  "Calendars.ReadWrite", // book, move and cancel reviews in the user's own calendar; free/busy via getSchedule
  "Mail.Send", // send RAG and dispute emails as the user
  "Mail.ReadWrite", // reply to a received email with a dispute letter (createReply makes a draft)
  "Sites.Selected", // the case register list, on the one site an administrator grants
  "Chat.ReadBasic", // a Teams meeting's chat (its join link), to find the meeting's booking when its link is a short one
] as const;

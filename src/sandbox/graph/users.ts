import type { SandboxUser } from "../store.js";
import { ok, type GraphRequest, type GraphResponse } from "./context.js";
import { notFound } from "./graphError.js";

/** A user as Graph's /me and /users/{id} answer (the default property set). */
function graphUser(user: SandboxUser): Record<string, unknown> {
  return {
    "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users/$entity",
    id: user.id,
    businessPhones: [],
    displayName: user.displayName,
    givenName: user.givenName,
    surname: user.surname,
    jobTitle: user.jobTitle,
    mail: user.mailbox ? user.userPrincipalName : null,
    mobilePhone: null,
    officeLocation: user.department,
    preferredLanguage: "en-GB",
    userPrincipalName: user.userPrincipalName,
  };
}

export function getMe(req: GraphRequest): GraphResponse {
  return ok(graphUser(req.user));
}

export function getUser(req: GraphRequest): GraphResponse {
  const user = req.store.user(decodeURIComponent(req.params.user!));
  if (!user) {
    throw notFound(`Resource '${req.params.user}' does not exist or one of its queried reference-property objects are not present.`, "Request_ResourceNotFound");
  }
  return ok(graphUser(user));
}

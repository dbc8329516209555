import { describe, expect, it } from "vitest";
import { graphCall } from "../../src/adapters/graph/graphClient.js";
import { GraphError } from "../../src/adapters/graph/graphRequest.js";
import { AccessError, AuthError, NotFoundError, RequestError } from "../../src/ports/errors.js";

/** A Graph call that fails with this answer, through graphCall: the error a person is shown. */
const failing = (status: number, message: string) => graphCall("The case register", true, () => Promise.reject(new GraphError(status, null, message))).catch((error: unknown) => error);

describe("Graph's refusals, in words a person can act on", () => {
  it("403: who can put it right, with Graph's own words; nothing was read or changed", async () => {
    const error = await failing(403, "Access denied");
    expect(error).toBeInstanceOf(AccessError);
    // Still a refused request, for code that asks only that.
    expect(error).toBeInstanceOf(RequestError);
    expect((error as AccessError).status).toBe(403);
    expect((error as Error).message).toBe(
      `The case register: Microsoft 365 refused you access ("Access denied"), so nothing was read or changed. Your IRO Desk or Microsoft 365 administrator can give you access to the IRO service's site, or consent to IRO Desk's permissions for your organisation.`,
    );
  });

  it("401 asks for a sign-in, 404 says what is missing, and any other refusal keeps Graph's message", async () => {
    expect(await failing(401, "InvalidAuthenticationToken")).toBeInstanceOf(AuthError);
    expect(((await failing(404, "itemNotFound")) as Error).message).toBe("The case register could not be found: it may have been deleted.");
    expect(await failing(404, "itemNotFound")).toBeInstanceOf(NotFoundError);
    const bad = await failing(400, "Invalid filter clause");
    expect(bad).toBeInstanceOf(RequestError);
    expect(bad).not.toBeInstanceOf(AccessError);
    expect((bad as Error).message).toBe("Invalid filter clause");
  });
});

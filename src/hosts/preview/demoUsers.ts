export interface DemoUser {
  readonly upn: string;
  readonly displayName: string;
  readonly jobTitle: string;
  readonly roles: readonly string[];
  readonly fte: number | null;
  readonly mailbox: boolean;
}

/** The sandbox's demo users (GET /sandbox/users on the same origin), for the previews' "signed in as". */
export async function demoUsers(): Promise<DemoUser[]> {
  const response = await fetch("/sandbox/users");
  if (!response.ok) throw new Error("The sandbox did not list its users.");
  return ((await response.json()) as { value: DemoUser[] }).value;
}

/** Every copy's database name (and its glance's localStorage key) starts so. */
export const COPY_PREFIX = "iro-desk-copy:";

/**
 * The name a person's copy lives under on this device: by tenant (with the site and register) and
 * sign-in, so two people on one device, or two registers, never share one. Its own module: the
 * task pane's inline script (outlook-picture.ts) needs the name without the copy's code.
 */
export function copyName(tenant: string, account: string): string {
  return `${COPY_PREFIX}${tenant}:${account.trim().toLowerCase()}`;
}

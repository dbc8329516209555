/**
 * The sign-in the pages were built for, defined by scripts/build.mjs from the build's configuration
 * ("sandbox", or "msal" for a tenant), so a tenant's pages carry none of the sandbox's sign-in and
 * the sandbox's none of MSAL's; "any" where it is chosen at run time (the browser extension's
 * options: scripts/extensionPackage.mjs; the tests: vitest.config.ts).
 */
declare const IRO_DESK_SIGN_IN: "sandbox" | "msal" | "any";

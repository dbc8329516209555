import { AuthError } from "../../ports/errors.js";

/**
 * The fallback sign-in for Outlook builds without nested app authentication: the Office dialog
 * opens auth-dialog.html, which signs in with MSAL by redirect and sends the token back with
 * messageParent. The token is kept until it expires.
 */
export function officeDialogToken(dialogUrl: string): () => Promise<string> {
  let cached: { token: string; expires: number } | undefined;
  return () => {
    if (cached && cached.expires > Date.now() + 60_000) return Promise.resolve(cached.token);
    return new Promise((resolve, reject) => {
      Office.context.ui.displayDialogAsync(dialogUrl, { height: 60, width: 30 }, (opened) => {
        if (opened.status !== Office.AsyncResultStatus.Succeeded) return reject(new AuthError(`Outlook could not open the sign-in window (${opened.error.message}).`));
        const dialog = opened.value;
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
          dialog.close();
          const message = JSON.parse((arg as { message: string }).message) as { token?: string; expiresOn?: number; error?: string };
          if (!message.token) return reject(new AuthError(message.error ?? "sign-in was not completed."));
          cached = { token: message.token, expires: message.expiresOn ?? Date.now() + 30 * 60_000 };
          resolve(message.token);
        });
        dialog.addEventHandler(Office.EventType.DialogEventReceived, () => reject(new AuthError("the sign-in window was closed.")));
      });
    });
  };
}

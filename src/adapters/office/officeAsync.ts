/**
 * Office.js's callback APIs as promises, so callers never see a callback (style.md, "callbacks
 * at the edges"). A failed call rejects with Office's own message.
 */
export function officeAsync<T>(start: (callback: (result: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    start((result) => {
      if (result.status === Office.AsyncResultStatus.Succeeded) resolve(result.value);
      else reject(new Error(`Outlook could not do that: ${result.error?.message ?? "unknown error"}`));
    });
  });
}

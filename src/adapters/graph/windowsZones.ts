/**
 * Exchange names time zones as Windows does ("GMT Standard Time"); the rest of IRO Desk uses IANA
 * names. The zones a UK service's mailboxes are likely to be set to, from the Unicode CLDR
 * windowsZones mapping (territory 001). A name already in IANA form is kept; one not known here is
 * taken as UK time (the service's own), which is what a UK mailbox most often means.
 */
const WINDOWS_TO_IANA: Readonly<Record<string, string>> = {
  "gmt standard time": "Europe/London",
  "greenwich standard time": "Atlantic/Reykjavik",
  utc: "UTC",
  "coordinated universal time": "UTC",
  "w. europe standard time": "Europe/Berlin",
  "romance standard time": "Europe/Paris",
  "central europe standard time": "Europe/Budapest",
  "central european standard time": "Europe/Warsaw",
  "e. europe standard time": "Europe/Chisinau",
  "fle standard time": "Europe/Kiev",
  "gtb standard time": "Europe/Bucharest",
  "eastern standard time": "America/New_York",
  "central standard time": "America/Chicago",
  "mountain standard time": "America/Denver",
  "pacific standard time": "America/Los_Angeles",
  "india standard time": "Asia/Kolkata",
  "aus eastern standard time": "Australia/Sydney",
};

export function ianaZone(name: string | undefined): string {
  if (!name) return "Europe/London";
  const known = WINDOWS_TO_IANA[name.toLowerCase()];
  if (known) return known;
  try {
    return new Intl.DateTimeFormat("en-GB", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return "Europe/London";
  }
}

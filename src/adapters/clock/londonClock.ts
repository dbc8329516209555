import { instant, instantToLondon } from "../../domain/calendar/londonTime.js";
import type { Clock } from "../../ports/Clock.js";

/**
 * Today in Europe/London by the UK's clock-change rule (londonTime.ts), as every date and time in
 * IRO Desk is worked out: no time zone database to load (Intl's took a pane 15 ms to open and
 * `iro-desk due` several ms to start), and no machine's zone data to disagree with the rule.
 * 23:30 UTC on 30 June is already 1 July in London.
 */
export const londonClock: Clock = { today: () => instantToLondon(instant(Date.now())).date };

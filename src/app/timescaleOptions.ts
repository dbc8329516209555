import { holidayDivision, type Nation } from "../domain/calendar/nation.js";
import { workingCalendar, workingDays, type WorkingCalendar } from "../domain/calendar/workingCalendar.js";
import type { TimescaleOptions } from "../domain/timescales/assessTimescale.js";
import type { ServiceSettings } from "./serviceSettings.js";

/** How a service's settings shape every assessment: its calendars, what "due soon" means, where the ICPC clock starts. */
export function timescaleOptions(settings: ServiceSettings): TimescaleOptions {
  return {
    calendarFor: calendarsFor(settings),
    dueSoon: workingDays(settings.dueSoonWorkingDays),
    icpcAnchor: settings.icpcAnchor,
    local: {
      earlyReviewWorkingDays: settings.earlyReviewWorkingDays,
      preBirthReviewWorkingDays: settings.preBirthReviewWorkingDays,
      transferInWorkingDays: settings.transferInWorkingDays,
      records: settings.recordDeadlines,
    },
  };
}

const calendarsBySettings = new WeakMap<ServiceSettings, (nation: Nation) => WorkingCalendar>();

/**
 * One working calendar per nation, built on first use and shared by every case of that nation.
 * Kept per settings object (settings are never changed in place, only replaced), so a pane that
 * asks on every keystroke reuses the holiday tables it has already loaded.
 */
export function calendarsFor(settings: ServiceSettings): (nation: Nation) => WorkingCalendar {
  let calendarFor = calendarsBySettings.get(settings);
  if (!calendarFor) {
    const calendars = new Map<Nation, WorkingCalendar>();
    calendarFor = (nation) => {
      let calendar = calendars.get(nation);
      if (!calendar) {
        calendar = workingCalendar(nation, settings.holidays[holidayDivision(nation)]);
        calendars.set(nation, calendar);
      }
      return calendar;
    };
    calendarsBySettings.set(settings, calendarFor);
  }
  return calendarFor;
}

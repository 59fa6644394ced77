/*
 * Reads an answer the way a typical bot validates a prompt's reply, one reader per kind of
 * question (the kinds of PlanBot's checklist). Each returns { ok: true, value } or
 * { ok: false, problem }; people are also looked up in the conversation by the bot.
 */
"use strict";

const MAX_LENGTH = 3000;
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function fail(problem) {
  return { ok: false, problem };
}

function freeText(text) {
  const value = text.trim();
  if (value.length === 0) return fail("Type an answer, or say skip.");
  if (value.length > MAX_LENGTH) return fail(`Keep the answer under ${MAX_LENGTH} characters.`);
  return { ok: true, value };
}

/** "2027-03-15", "15 Mar 2027", "March 15, 2027" → { y, m, d }, or null. */
function parseDate(text) {
  const cleaned = text.trim().replace(/\.$/, "").replace(/\b(\d{1,2})(st|nd|rd|th)\b/i, "$1");
  let y, m, d;
  let match = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(cleaned);
  if (match) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{1,2})\s+([A-Za-z]+),?\s+(\d{4})$/.exec(cleaned))) {
    [d, m, y] = [Number(match[1]), MONTHS.indexOf(match[2].slice(0, 3).toLowerCase()) + 1, Number(match[3])];
  } else if ((match = /^([A-Za-z]+)\s+(\d{1,2}),?\s+(\d{4})$/.exec(cleaned))) {
    [m, d, y] = [MONTHS.indexOf(match[1].slice(0, 3).toLowerCase()) + 1, Number(match[2]), Number(match[3])];
  } else {
    return null;
  }
  // Date.UTC rolls 31 Feb over to March: a date is valid only if it comes back unchanged.
  const at = new Date(Date.UTC(y, m - 1, d));
  return m >= 1 && at.getUTCFullYear() === y && at.getUTCMonth() === m - 1 && at.getUTCDate() === d ? { y, m, d } : null;
}

function iso({ y, m, d }) {
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function date(text, today) {
  const parsed = parseDate(text);
  if (!parsed) return fail("Answer with a date such as 2027-03-15 or 15 Mar 2027.");
  const value = iso(parsed);
  if (value < today) return fail(`${value} has already passed: give a date from today on.`);
  return { ok: true, value };
}

// Making an Intl.DateTimeFormat costs far more than using one: one per time zone, kept.
const clocks = new Map();

function clock(timeZone) {
  let format = clocks.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric" });
    clocks.set(timeZone, format);
  }
  return format;
}

/** Today's date (yyyy-mm-dd) in a time zone. */
function today(timeZone) {
  const parts = Object.fromEntries(clock(timeZone).formatToParts(new Date()).map(p => [p.type, p.value]));
  return iso({ y: Number(parts.year), m: Number(parts.month), d: Number(parts.day) });
}

/** Minutes east of UTC of a time zone at an instant, from the zone's own clock. */
function offsetMinutes(timeZone, instant) {
  const parts = Object.fromEntries(clock(timeZone).formatToParts(instant).map(p => [p.type, p.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  return Math.round((asUtc - instant.getTime()) / 60000);
}

/** A local date and time in `timeZone` as a UTC instant. */
function toUtc(day, hour, minute, timeZone) {
  const naive = new Date(Date.UTC(day.y, day.m - 1, day.d, hour, minute));
  return new Date(naive.getTime() - offsetMinutes(timeZone, naive) * 60000);
}

/** "2027-03-13 22:00 to 02:00" or "2027-03-13 22:00 to 2027-03-14 02:00": start and end in UTC. */
function window(text, today, timeZone) {
  const match = /^(.+?)\s+(\d{1,2})[:.](\d{2})\s*(?:to|-|–|until)\s*(?:(.+?)\s+)?(\d{1,2})[:.](\d{2})$/i.exec(text.trim());
  const startDay = match && parseDate(match[1]);
  const endDay = match && (match[4] ? parseDate(match[4]) : startDay);
  if (!startDay || !endDay) return fail("Answer with a start and an end, such as 2027-03-15 22:00 to 2027-03-16 02:00.");
  const [h1, m1, h2, m2] = [match[2], match[3], match[5], match[6]].map(Number);
  if (h1 > 23 || h2 > 23 || m1 > 59 || m2 > 59) return fail("Give times as HH:mm, from 00:00 to 23:59.");
  const start = toUtc(startDay, h1, m1, timeZone);
  let end = toUtc(endDay, h2, m2, timeZone);
  // An end time earlier than the start on the same date is the next morning.
  if (!match[4] && end <= start) end = new Date(end.getTime() + 24 * 3600 * 1000);
  if (end <= start) return fail("The window ends before it starts.");
  if (iso(startDay) < today) return fail(`${iso(startDay)} has already passed.`);
  return { ok: true, value: `${start.toISOString()}/${end.toISOString()}` };
}

const EMAIL = /^[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;]+$/;

/** Addresses separated by commas, semicolons or "and"; each must look like an email address. */
function people(text) {
  const names = text.split(/\s*(?:,|;|\band\b)\s*/i).map(n => n.trim()).filter(n => n.length > 0);
  if (names.length === 0) return fail("Name at least one person by email address.");
  const bad = names.find(n => !EMAIL.test(n));
  if (bad) return fail(`"${bad}" is not an email address.`);
  return { ok: true, value: names };
}

/** "yes", "no", "Yes, a one-hour walkthrough": the choice and the rest as detail. */
function yesNo(text) {
  const match = /^\s*(yes|y|no|n)\b[\s,.:;-]*(.*)$/is.exec(text);
  if (!match) return fail("Start the answer with yes or no.");
  const detail = match[2].trim();
  if (detail.length > MAX_LENGTH - 10) return fail("Keep the detail shorter.");
  return { ok: true, value: { yes: match[1].toLowerCase().startsWith("y"), detail } };
}

/** The reader for a checklist kind (the names of PlanBot's AnswerKind). */
function read(kind, text, today, timeZone) {
  switch (kind) {
    case "Date":
      return date(text, today);
    case "DateTimeWindow":
      return window(text, today, timeZone);
    case "People":
      return people(text);
    case "YesNoWithDetail":
      return yesNo(text);
    default:
      return freeText(text);
  }
}

module.exports = { read, today };

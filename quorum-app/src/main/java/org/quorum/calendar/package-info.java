/**
 * The organisation's calendar: working week, holidays and time zone, and the engine's business calendar that
 * counts due dates, follow-up dates and timers given as {@code N working days} on it; and each user's iCalendar
 * feed of their due tasks, read with a revocable token.
 */
package org.quorum.calendar;

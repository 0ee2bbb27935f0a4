/**
 * The organisation's calendar: working week, holidays and time zone, and the engine's business calendar that
 * counts due dates, follow-up dates and timers given as {@code N working days} on it.
 */
package org.quorum.calendar;

import { describe, expect, it } from 'vitest';
import { canChangeAppointment, dealerNow, effectiveStatus, isPastSlot, isSlot, isSlotOver, slotHasRoom } from './appointment-slots';

const TZ = 'Asia/Shanghai';
const utc = (iso: string) => Date.parse(iso);

describe('appointment slots', () => {
  it.each([
    [0, 3, true],
    [2, 3, true],
    [3, 3, false], // the edge: the slot is full at its capacity
    [4, 3, false],
    [0, 1, true],
    [1, 1, false],
  ])('booked %i of %i: room %s', (booked, cap, room) => expect(slotHasRoom(booked, cap)).toBe(room));

  it.each([
    ['08:30', true],
    ['16:30', true],
    ['17:30', false], // the workshop's day ends at 17:30: no slot starts then
    ['08:00', false],
    ['9:30', false],
  ])('slot %s is offered: %s', (slot, ok) => expect(isSlot(slot)).toBe(ok));

  // The machine runs in UTC; 16:00 UTC is midnight in Shanghai.
  it.each([
    ['2026-11-30T15:59:00Z', '2026-11-30', { date: '2026-11-30', minutes: 23 * 60 + 59 }],
    ['2026-11-30T16:00:00Z', '2026-12-01', { date: '2026-12-01', minutes: 0 }],
    ['2026-12-01T00:30:00Z', '2026-12-01', { date: '2026-12-01', minutes: 8 * 60 + 30 }],
  ])('dealer now at %s is %s', (iso, _day, want) => expect(dealerNow(TZ, utc(iso))).toEqual(want));

  it.each([
    // [now (UTC), date, slot, past?]
    ['2026-11-30T16:00:00Z', '2026-12-01', '08:30', false], // just after midnight Shanghai: today's first slot is ahead
    ['2026-11-30T15:59:00Z', '2026-11-30', '16:30', true], // 23:59 Shanghai: today's slots are past
    ['2026-11-30T15:59:00Z', '2026-12-01', '08:30', false], // …while in UTC "today" is still the 30th
    ['2026-12-01T00:29:00Z', '2026-12-01', '08:30', false], // 08:29
    ['2026-12-01T00:30:00Z', '2026-12-01', '08:30', true], // 08:30: the slot has started
    ['2026-12-01T00:30:00Z', '2026-11-30', '16:30', true], // yesterday
  ])('at %s the slot %s %s is past: %s', (iso, date, slot, past) => expect(isPastSlot(date, slot, dealerNow(TZ, utc(iso)))).toBe(past));

  it.each([
    ['2026-12-01T01:29:00Z', '08:30', false, 'booked'], // 09:29: the 08:30 slot is still running
    ['2026-12-01T01:30:00Z', '08:30', true, 'no_show'], // 09:30: over, not arrived
    ['2026-12-01T09:30:00Z', '16:30', true, 'no_show'], // 17:30
  ])('at %s the %s slot is over: %s → shows %s', (iso, slot, over, shown) => {
    const now = dealerNow(TZ, utc(iso));
    expect(isSlotOver('2026-12-01', slot, now)).toBe(over);
    expect(effectiveStatus('booked', '2026-12-01', slot, now)).toBe(shown);
    expect(effectiveStatus('arrived', '2026-12-01', slot, now)).toBe('arrived');
  });

  it.each([
    ['booked', 'arrived', true],
    ['booked', 'cancelled', true],
    ['booked', 'no_show', true],
    ['no_show', 'arrived', true], // came late after all
    ['arrived', 'cancelled', false],
    ['arrived', 'no_show', false],
    ['cancelled', 'arrived', false],
    ['cancelled', 'booked', false],
  ] as const)('%s → %s allowed: %s', (from, to, ok) => expect(canChangeAppointment(from, to)).toBe(ok));
});

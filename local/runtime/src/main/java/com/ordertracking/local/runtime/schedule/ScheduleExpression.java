package com.ordertracking.local.runtime.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * EventBridge schedule expressions, evaluated in UTC like EventBridge rules.
 *
 * <ul>
 *   <li>{@code rate(1 minute)}, {@code rate(N minutes|hours|days)} (singular unit only for 1, as AWS requires)</li>
 *   <li>{@code cron(minutes hours day-of-month month day-of-week year)} with {@code * , - /} in every field,
 *       month names JAN-DEC, weekday names SUN-SAT (1 = SUN … 7 = SAT), {@code ?} in exactly one of day-of-month /
 *       day-of-week, {@code L} (last day of month), {@code NW} (weekday nearest day N), {@code LW} (last weekday)
 *       in day-of-month, and {@code L} (Saturday), {@code NL} (last weekday N of the month), {@code N#k}
 *       (k-th weekday N) in day-of-week. Wrap-around ranges such as {@code FRI-MON} are rejected.</li>
 * </ul>
 */
public sealed interface ScheduleExpression {

    /** First fire time strictly after {@code after}; {@code anchor} is when the rule started (rates count from it). */
    Optional<Instant> nextAfter(Instant after, Instant anchor);

    static ScheduleExpression parse(String expression) {
        String e = expression.trim();
        if (e.startsWith("rate(") && e.endsWith(")")) {
            return Rate.parse(e.substring(5, e.length() - 1).trim());
        }
        if (e.startsWith("cron(") && e.endsWith(")")) {
            return Cron.parse(e.substring(5, e.length() - 1).trim());
        }
        throw new IllegalArgumentException("unsupported schedule expression (want rate(...) or cron(...)): " + e);
    }

    record Rate(Duration period) implements ScheduleExpression {

        static Rate parse(String body) {
            String[] parts = body.split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException("rate needs 'value unit': rate(" + body + ")");
            }
            long value;
            try {
                value = Long.parseLong(parts[0]);
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("rate value must be a positive integer: rate(" + body + ")");
            }
            if (value <= 0) {
                throw new IllegalArgumentException("rate value must be positive: rate(" + body + ")");
            }
            String unit = parts[1];
            boolean singular = !unit.endsWith("s");
            if (singular != (value == 1)) {
                throw new IllegalArgumentException("use '1 " + unit.replaceAll("s$", "") + "' or 'N "
                        + unit.replaceAll("s$", "") + "s': rate(" + body + ")");
            }
            ChronoUnit chronoUnit = switch (unit.replaceAll("s$", "")) {
                case "minute" -> ChronoUnit.MINUTES;
                case "hour" -> ChronoUnit.HOURS;
                case "day" -> ChronoUnit.DAYS;
                default -> throw new IllegalArgumentException("rate unit must be minute(s), hour(s) or day(s): "
                        + "rate(" + body + ")");
            };
            return new Rate(Duration.of(value, chronoUnit));
        }

        @Override
        public Optional<Instant> nextAfter(Instant after, Instant anchor) {
            if (after.isBefore(anchor)) {
                return Optional.of(anchor.plus(period));
            }
            long periods = Duration.between(anchor, after).toMillis() / period.toMillis() + 1;
            return Optional.of(anchor.plus(period.multipliedBy(periods)));
        }
    }

    record Cron(BitSet minutes, BitSet hours, DayOfMonth dayOfMonth, BitSet months, DayOfWeekSpec dayOfWeek,
                BitSet years) implements ScheduleExpression {

        private static final List<String> MONTHS =
                List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
        private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
        private static final int MAX_YEAR = 2199;

        sealed interface DayOfMonth {
            record Any() implements DayOfMonth { }
            record Days(BitSet days) implements DayOfMonth { }
            record Last() implements DayOfMonth { }
            record LastWeekday() implements DayOfMonth { }
            record NearestWeekday(int day) implements DayOfMonth { }
        }

        sealed interface DayOfWeekSpec {
            record Any() implements DayOfWeekSpec { }
            record Days(BitSet days) implements DayOfWeekSpec { }
            record LastOfMonth(int day) implements DayOfWeekSpec { }
            record Nth(int day, int n) implements DayOfWeekSpec { }
        }

        static Cron parse(String body) {
            String[] f = body.toUpperCase(Locale.ROOT).split("\\s+");
            if (f.length != 6) {
                throw new IllegalArgumentException(
                        "cron needs 6 fields (minutes hours day-of-month month day-of-week year): cron(" + body + ")");
            }
            boolean domAny = f[2].equals("?");
            boolean dowAny = f[4].equals("?");
            if (domAny == dowAny) {
                throw new IllegalArgumentException(
                        "exactly one of day-of-month and day-of-week must be '?': cron(" + body + ")");
            }
            return new Cron(set(f[0], 0, 59, null), set(f[1], 0, 23, null), dayOfMonth(f[2]),
                    set(f[3], 1, 12, MONTHS), dayOfWeek(f[4]), set(f[5], 1970, MAX_YEAR, null));
        }

        private static DayOfMonth dayOfMonth(String f) {
            return switch (f) {
                case "?" -> new DayOfMonth.Any();
                case "L" -> new DayOfMonth.Last();
                case "LW" -> new DayOfMonth.LastWeekday();
                default -> f.endsWith("W")
                        ? new DayOfMonth.NearestWeekday(number(f.substring(0, f.length() - 1), 1, 31, null))
                        : new DayOfMonth.Days(set(f, 1, 31, null));
            };
        }

        private static DayOfWeekSpec dayOfWeek(String f) {
            if (f.equals("?")) {
                return new DayOfWeekSpec.Any();
            }
            if (f.equals("L")) {
                return new DayOfWeekSpec.Days(set("7", 1, 7, DAYS));
            }
            if (f.endsWith("L")) {
                return new DayOfWeekSpec.LastOfMonth(number(f.substring(0, f.length() - 1), 1, 7, DAYS));
            }
            if (f.contains("#")) {
                String[] p = f.split("#");
                return new DayOfWeekSpec.Nth(number(p[0], 1, 7, DAYS), number(p[1], 1, 5, null));
            }
            return new DayOfWeekSpec.Days(set(f, 1, 7, DAYS));
        }

        private static BitSet set(String field, int min, int max, List<String> names) {
            BitSet bits = new BitSet();
            for (String part : field.split(",")) {
                String range = part;
                int step = 1;
                int slash = part.indexOf('/');
                if (slash >= 0) {
                    range = part.substring(0, slash);
                    step = number(part.substring(slash + 1), 1, max, null);
                }
                int from;
                int to;
                if (range.equals("*")) {
                    from = min;
                    to = max;
                } else if (range.contains("-")) {
                    String[] p = range.split("-", 2);
                    from = number(p[0], min, max, names);
                    to = number(p[1], min, max, names);
                    if (to < from) {
                        throw new IllegalArgumentException("wrap-around ranges are not supported: " + part);
                    }
                } else {
                    from = number(range, min, max, names);
                    to = slash >= 0 ? max : from; // "5/15" means from 5 every 15
                }
                for (int v = from; v <= to; v += step) {
                    bits.set(v);
                }
            }
            return bits;
        }

        private static int number(String s, int min, int max, List<String> names) {
            int value;
            if (names != null && names.contains(s)) {
                value = names.indexOf(s) + 1;
            } else {
                try {
                    value = Integer.parseInt(s);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("unsupported cron value '" + s + "'");
                }
            }
            if (value < min || value > max) {
                throw new IllegalArgumentException("cron value " + value + " outside " + min + "-" + max);
            }
            return value;
        }

        @Override
        public Optional<Instant> nextAfter(Instant after, Instant anchor) {
            LocalDateTime start = LocalDateTime.ofInstant(after, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES)
                    .plusMinutes(1);
            LocalDate day = start.toLocalDate();
            while (day.getYear() <= MAX_YEAR) {
                if (!years.get(day.getYear())) {
                    day = LocalDate.of(day.getYear() + 1, 1, 1);
                    continue;
                }
                if (!months.get(day.getMonthValue())) {
                    day = day.withDayOfMonth(1).plusMonths(1);
                    continue;
                }
                if (dayMatches(day)) {
                    int fromMinuteOfDay = day.equals(start.toLocalDate())
                            ? start.getHour() * 60 + start.getMinute() : 0;
                    for (int h = hours.nextSetBit(fromMinuteOfDay / 60); h >= 0; h = hours.nextSetBit(h + 1)) {
                        int fromMinute = h == fromMinuteOfDay / 60 ? fromMinuteOfDay % 60 : 0;
                        int m = minutes.nextSetBit(fromMinute);
                        if (m >= 0) {
                            return Optional.of(day.atTime(h, m).toInstant(ZoneOffset.UTC));
                        }
                    }
                }
                day = day.plusDays(1);
            }
            return Optional.empty();
        }

        private boolean dayMatches(LocalDate day) {
            int awsDow = day.getDayOfWeek().getValue() % 7 + 1;
            LocalDate last = day.with(TemporalAdjusters.lastDayOfMonth());
            boolean dom = switch (dayOfMonth) {
                case DayOfMonth.Any a -> true;
                case DayOfMonth.Days d -> d.days().get(day.getDayOfMonth());
                case DayOfMonth.Last l -> day.equals(last);
                case DayOfMonth.LastWeekday lw -> day.equals(weekdayOnOrBefore(last));
                case DayOfMonth.NearestWeekday n -> day.equals(nearestWeekday(day, n.day()));
            };
            boolean dow = switch (dayOfWeek) {
                case DayOfWeekSpec.Any a -> true;
                case DayOfWeekSpec.Days d -> d.days().get(awsDow);
                case DayOfWeekSpec.LastOfMonth l -> awsDow == l.day() && day.plusDays(7).getMonth() != day.getMonth();
                case DayOfWeekSpec.Nth n -> awsDow == n.day() && (day.getDayOfMonth() - 1) / 7 + 1 == n.n();
            };
            return dom && dow;
        }

        private static LocalDate weekdayOnOrBefore(LocalDate d) {
            return switch (d.getDayOfWeek()) {
                case SATURDAY -> d.minusDays(1);
                case SUNDAY -> d.minusDays(2);
                default -> d;
            };
        }

        /** Quartz "W": nearest weekday to the given day without leaving the month. */
        private static LocalDate nearestWeekday(LocalDate inMonth, int dayOfMonth) {
            LocalDate last = inMonth.with(TemporalAdjusters.lastDayOfMonth());
            if (dayOfMonth > last.getDayOfMonth()) {
                return null;
            }
            LocalDate target = inMonth.withDayOfMonth(dayOfMonth);
            DayOfWeek dow = target.getDayOfWeek();
            if (dow == DayOfWeek.SATURDAY) {
                return dayOfMonth == 1 ? target.plusDays(2) : target.minusDays(1);
            }
            if (dow == DayOfWeek.SUNDAY) {
                return dayOfMonth == last.getDayOfMonth() ? target.minusDays(2) : target.plusDays(1);
            }
            return target;
        }
    }
}

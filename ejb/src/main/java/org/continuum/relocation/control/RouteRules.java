package org.continuum.relocation.control;

import org.continuum.relocation.entity.ChecklistAnswer;
import org.continuum.relocation.entity.ChecklistItem;
import org.continuum.relocation.entity.Programme;
import org.continuum.relocation.entity.RouteApplication;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** The rules of a route, free of storage: the checklist, the persons counted, when to remind the team. */
public final class RouteRules {

    /** Waiting for the booking after a visa was issued: the team is reminded after this many days. */
    public static final int BOOKING_REMINDER_DAYS = 14;
    /** Waiting for the arrival: the team is reminded this many days after the booked travel date. */
    public static final int ARRIVAL_REMINDER_DAYS = 2;

    private RouteRules() {
    }

    /** The programme's checklist items not answered {@link ChecklistAnswer#MET}, in the programme's order. */
    public static List<ChecklistItem> failing(Programme programme, Map<ChecklistItem, ChecklistAnswer> answers) {
        return programme.getChecklist().stream()
                .filter(item -> answers == null || answers.get(item) != ChecklistAnswer.MET).toList();
    }

    /** The person and the family members who travel with them. */
    public static int persons(long travellingDependants) {
        return 1 + (int) travellingDependants;
    }

    /**
     * When the team is reminded of an application waiting in {@code state}: the programme's usual processing time
     * after submission or an interview, two weeks after a visa without a booking, two days after the booked travel
     * date without an arrival; null once the application ended. {@code scale} shortens every wait on test servers.
     */
    public static Instant reminderAt(Programme programme, RouteApplication.State state, LocalDate travelDate,
                                     Instant now, Duration scale) {
        if (!state.waiting()) {
            return null;
        }
        if (scale != null) {
            return now.plus(scale);
        }
        return switch (state) {
            case ISSUED -> now.plus(Duration.ofDays(BOOKING_REMINDER_DAYS));
            case TRAVEL_BOOKED -> {
                Instant due = travelDate.plusDays(ARRIVAL_REMINDER_DAYS).atStartOfDay(ZoneOffset.UTC).toInstant();
                yield due.isAfter(now) ? due : now.plus(Duration.ofHours(1));
            }
            default -> now.plus(Duration.ofDays(programme.getProcessingDays()));
        };
    }
}

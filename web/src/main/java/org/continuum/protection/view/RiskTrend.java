package org.continuum.protection.view;

import org.continuum.casefile.entity.RiskLevel;
import org.continuum.protection.boundary.MeasureRow;
import org.continuum.protection.boundary.AssessmentView;
import org.continuum.protection.boundary.ProtectionService;
import org.continuum.protection.control.RiskFormula;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The risk trend of a case as inline SVG coordinates: one dot per assessment (its score, or the middle of its level
 * band when it had no factors), joined by a line, the level bands as guides, and a mark at the bottom for each measure
 * that went ahead (in progress, done or found not effective), on the day it last changed. Computed on the server: the chart needs no script.
 */
public final class RiskTrend implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final int WIDTH = 640;
    public static final int HEIGHT = 180;
    static final double TOP = 25;

    private final List<Dot> dots = new ArrayList<>();
    private final List<Mark> marks = new ArrayList<>();

    public record Dot(String x, String y, String label) implements Serializable {
    }

    public record Mark(String x, String label) implements Serializable {
    }

    /** A level band: its lower line and its label in the middle of the band. */
    public record Guide(String y, String labelY, String label) implements Serializable {
    }

    public RiskTrend(List<AssessmentView> history, List<MeasureRow> plan,
              String language, Instant now) {
        if (history.isEmpty()) {
            return;
        }
        Instant from = history.get(0).at();
        Instant to = now.isAfter(from) ? now : from.plusSeconds(3600);
        double span = Math.max(1, to.toEpochMilli() - from.toEpochMilli());
        for (AssessmentView a : history) {
            double score = a.score() != null ? a.score().doubleValue() : middle(a.chosen());
            dots.add(new Dot(x(a.at(), from, span), y(score), a.chosen() + (a.score() == null ? ""
                    : " · " + a.score().toPlainString())));
        }
        for (MeasureRow m : plan) {
            if (m.status().isTried() && !m.updatedAt().isBefore(from)) {
                marks.add(new Mark(x(m.updatedAt(), from, span), m.name(language)));
            }
        }
    }

    private static double middle(RiskLevel level) {
        return switch (level) {
            case LOW -> RiskFormula.MEDIUM_FROM / 2.0;
            case MEDIUM -> (RiskFormula.MEDIUM_FROM + RiskFormula.HIGH_FROM) / 2.0;
            case HIGH -> (RiskFormula.HIGH_FROM + RiskFormula.CRITICAL_FROM) / 2.0;
            case CRITICAL -> (RiskFormula.CRITICAL_FROM + TOP) / 2.0;
        };
    }

    private static double lowerEdge(RiskLevel level) {
        return switch (level) {
            case LOW -> 0;
            case MEDIUM -> RiskFormula.MEDIUM_FROM;
            case HIGH -> RiskFormula.HIGH_FROM;
            case CRITICAL -> RiskFormula.CRITICAL_FROM;
        };
    }

    private static String x(Instant at, Instant from, double span) {
        return String.format(Locale.ROOT, "%.1f", WIDTH * (at.toEpochMilli() - from.toEpochMilli()) / span);
    }

    static String y(double score) {
        return String.format(Locale.ROOT, "%.1f", HEIGHT * (1 - Math.min(score, TOP) / TOP));
    }

    public boolean isNothingToShow() {
        return dots.isEmpty();
    }

    public List<Dot> getDots() {
        return dots;
    }

    public List<Mark> getMarks() {
        return marks;
    }

    public String getLine() {
        StringBuilder line = new StringBuilder();
        dots.forEach(d -> line.append(d.x()).append(',').append(d.y()).append(' '));
        return line.toString().strip();
    }

    public List<Guide> getGuides() {
        return java.util.Arrays.stream(RiskLevel.values())
                .map(level -> new Guide(y(lowerEdge(level)), y(middle(level)), level.name())).toList();
    }

    public int getWidth() {
        return WIDTH;
    }

    public int getHeight() {
        return HEIGHT;
    }
}

package org.quorum.positions;

/** A request the position rules refuse; nothing was changed. */
public class PositionRuleViolation extends RuntimeException {

    /** How the refusal is reported to an API caller. */
    public enum Kind { BAD_INPUT, NOT_FOUND, CONFLICT }

    private final String rule;
    private final Kind kind;

    public PositionRuleViolation(String rule, Kind kind, String message) {
        super(message);
        this.rule = rule;
        this.kind = kind;
    }

    /** A stable, kebab-case name of the rule, e.g. {@code overlapping-interim}. */
    public String rule() {
        return rule;
    }

    public Kind kind() {
        return kind;
    }
}

package org.quorum.common;

/** The organisation's regions (as in the forms of conference-preparation and regional-endorsement). */
public enum Region {
    AMERICAS_CARIBBEAN,
    ASIA_PACIFIC,
    EUROPE,
    EAST_SOUTHERN_AFRICA,
    WEST_CENTRAL_AFRICA,
    NORTH_AFRICA_NEAR_MIDDLE_EAST
}

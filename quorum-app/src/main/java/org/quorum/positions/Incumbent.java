package org.quorum.positions;

/**
 * Who acts for a position at a moment.
 *
 * @param userId    the person tasks of the position reach
 * @param actingFor the position's code when that person is an interim holder, otherwise null
 */
public record Incumbent(String userId, String actingFor) {
}

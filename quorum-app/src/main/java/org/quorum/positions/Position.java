package org.quorum.positions;

/**
 * A seat that one person holds for a period (e.g. {@code DSG}); tasks addressed to it reach whoever holds it.
 *
 * @param code        upper-case key used in BPMN ({@code quorum.position}) and in the API
 * @param title       e.g. "Deputy Secretary General"
 * @param officeGroup the group whose members see the position's tasks while nobody holds it
 */
public record Position(String code, String title, String officeGroup) {
}

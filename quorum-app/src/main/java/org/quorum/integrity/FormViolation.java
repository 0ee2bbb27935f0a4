package org.quorum.integrity;

/**
 * One reason a form submission was refused: the variable (the form field's key, or the name the caller sent) and
 * what is wrong with it, in words a user can act on.
 */
public record FormViolation(String variable, String message) {
}

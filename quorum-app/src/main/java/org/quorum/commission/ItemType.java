package org.quorum.commission;

/** What the Policy Commission is asked to review. */
public enum ItemType {
    SG_PRIORITY,
    ENDORSED_REQUEST
}

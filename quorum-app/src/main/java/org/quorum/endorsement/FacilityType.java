package org.quorum.endorsement;

/** Facility types a member administration may ask the region to recognise (the eligibility table's inputs). */
public enum FacilityType {
    REGIONAL_CUSTOMS_LABORATORY,
    REGIONAL_DOG_TRAINING_CENTRE,
    REGIONAL_TRAINING_CENTRE,
    OTHER
}

package org.beatbook.population.internal;

/** The record asked for was merged into another: a pointer, not an error (the API answers 301 to the survivor). */
public class PersonMerged extends RuntimeException {

    private final long id;
    private final long survivorId;

    PersonMerged(long id, long survivorId) {
        super("person " + id + " was merged into " + survivorId, null, false, false);
        this.id = id;
        this.survivorId = survivorId;
    }

    public long id() {
        return id;
    }

    public long survivorId() {
        return survivorId;
    }
}

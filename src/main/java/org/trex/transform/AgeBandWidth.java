package org.trex.transform;

/** Widths of age bands: five years normally, ten when disclosure control generalises further. */
public enum AgeBandWidth {
    FIVE_YEARS(5),
    TEN_YEARS(10);

    private final int years;

    AgeBandWidth(int years) {
        this.years = years;
    }

    public int years() {
        return years;
    }
}

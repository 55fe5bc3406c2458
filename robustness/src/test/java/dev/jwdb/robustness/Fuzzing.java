package dev.jwdb.robustness;

/**
 * How much to fuzz. The normal test suite runs a short, fixed-seed run; a long run sets
 * {@code -Djwdb.fuzz.iterations=N} (and optionally {@code -Djwdb.fuzz.seed=S} for a different start). Input
 * {@code i} of a run uses seed {@code S + i}, so a failure names the one seed that replays it alone:
 * {@code -Djwdb.fuzz.seed=THAT -Djwdb.fuzz.iterations=1}.
 */
final class Fuzzing {
    static final long DEFAULT_SEED = 0x6a776462L; // "jwdb"

    private Fuzzing() {
    }

    static long seed() {
        return Long.getLong("jwdb.fuzz.seed", DEFAULT_SEED);
    }

    static int iterations(int shortRun) {
        return Integer.getInteger("jwdb.fuzz.iterations", shortRun);
    }

    static String replay(String test, long seed) {
        return "seed " + seed + " (replay: mvn -pl robustness -am test -Dsurefire.failIfNoSpecifiedTests=false"
                + " -Dtest=" + test + " -Djwdb.fuzz.seed=" + seed + " -Djwdb.fuzz.iterations=1)";
    }
}

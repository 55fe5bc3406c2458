package dev.jwdb.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Issue 3, acceptance 7: Rust's SystemTime::now() and HashMap are denied the clock and randomness by default, with
 * an explanation; --allow makes them work; --fixed-clock and --random-seed make two runs print the same.
 */
class ClockRandomTest {
    private static final String NOW = Jwdb.sample("env-clock-random/now.wasm");
    private static final String HASHMAP = Jwdb.sample("env-clock-random/hashmap.wasm");

    @Test
    void theClockIsDeniedByDefaultAndTheDenialExplained() {
        Jwdb.Result r = Jwdb.run("run", NOW);
        assertEquals(134, r.status(), r.toString());
        assertTrue(r.err().contains("jwdb: denied clock_time_get realtime: the clock is not granted; grant it with "
                + "--allow clock\n"), r.err());
        assertTrue(r.err().contains("std::time::SystemTime::now"), "the backtrace names the caller: " + r.err());
    }

    @Test
    void allowClockMakesItWork() {
        Jwdb.Result r = Jwdb.run("run", "--allow", "clock", "--env", "USER_NAME=ada", NOW);
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().matches("hello, ada: it is 20\\d\\d-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC\n"), r.out());
    }

    @Test
    void aFixedClockIsReproducible() {
        Jwdb.Result first = Jwdb.run("run", "--fixed-clock", "2024-02-29T13:14:15Z", NOW);
        Jwdb.Result second = Jwdb.run("run", "--fixed-clock", "2024-02-29T13:14:15Z", NOW);
        assertEquals("hello, stranger: it is 2024-02-29 13:14:15 UTC\n", first.out(), first.toString());
        assertEquals(first.out(), second.out());
    }

    @Test
    void randomnessIsDeniedByDefaultAndTheDenialExplained() {
        Jwdb.Result r = Jwdb.run("run", HASHMAP);
        assertEquals(134, r.status(), r.toString());
        assertTrue(r.err().contains("jwdb: denied random_get 16 bytes: randomness is not granted; grant it with "
                + "--allow random\n"), r.err());
    }

    @Test
    void allowRandomMakesItWork() {
        Jwdb.Result r = Jwdb.run("run", "--allow", "random", HASHMAP);
        assertEquals(0, r.status(), r.toString());
        assertEquals(8, r.out().trim().split(" ").length, r.out());
    }

    @Test
    void aSeedIsReproducibleAndDifferentSeedsDiffer() {
        Jwdb.Result first = Jwdb.run("run", "--random-seed", "42", HASHMAP);
        Jwdb.Result second = Jwdb.run("run", "--random-seed", "42", HASHMAP);
        assertEquals(0, first.status(), first.toString());
        assertEquals(first.out(), second.out());
        boolean anotherOrder = false;
        for (int seed = 1; seed <= 5 && !anotherOrder; seed++) {
            anotherOrder = !Jwdb.run("run", "--random-seed", Integer.toString(seed), HASHMAP).out()
                    .equals(first.out());
        }
        assertTrue(anotherOrder, "the seed decides the order");
    }
}

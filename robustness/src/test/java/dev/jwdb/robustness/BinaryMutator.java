package dev.jwdb.robustness;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Turns a valid module into a hostile one. The mutations aim at what decoders get wrong: plain byte damage, cut
 * modules, LEB128 numbers stretched to their maximum length (or past it), sections out of order or repeated,
 * and vector counts or sizes inflated to huge values that must be refused before anything is allocated.
 */
final class BinaryMutator {
    private static final int HEADER = 8;
    private static final long[] HUGE = {0xFFFF_FFFFL, 0x8000_0000L, 0x7FFF_FFFFL, 0x1_0000L, 50_001, 65_537};

    private final Random random;

    BinaryMutator(Random random) {
        this.random = random;
    }

    /** One to four mutations of {@code seed}, sometimes spliced with {@code other}. */
    byte[] mutate(byte[] seed, byte[] other) {
        byte[] out = seed;
        int n = 1 + random.nextInt(4);
        for (int k = 0; k < n; k++) {
            out = once(out, other);
        }
        return out;
    }

    private byte[] once(byte[] in, byte[] other) {
        if (in.length <= HEADER) {
            return flip(in);
        }
        return switch (random.nextInt(9)) {
            case 0 -> flip(in);
            case 1 -> setByte(in);
            case 2 -> truncate(in);
            case 3 -> stretchLeb(in);
            case 4 -> shuffleSections(in);
            case 5 -> inflateCount(in);
            case 6 -> deleteRange(in);
            case 7 -> insertRandom(in);
            default -> splice(in, other);
        };
    }

    private byte[] flip(byte[] in) {
        byte[] out = in.clone();
        if (out.length > 0) {
            out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return out;
    }

    /** Interesting bytes: opcode prefixes, end, block types, LEB continuation. */
    private byte[] setByte(byte[] in) {
        byte[] interesting = {0x00, 0x01, 0x0B, 0x40, 0x7F, (byte) 0x80, (byte) 0xFF, (byte) 0xFC, (byte) 0xFD,
                0x02, 0x03, 0x04, 0x05, 0x10, 0x11, 0x0E};
        byte[] out = in.clone();
        int at = HEADER + random.nextInt(out.length - HEADER);
        out[at] = random.nextBoolean() ? interesting[random.nextInt(interesting.length)] : (byte) random.nextInt();
        return out;
    }

    private byte[] truncate(byte[] in) {
        return Arrays.copyOf(in, random.nextInt(in.length));
    }

    /**
     * Re-encodes the LEB128 number at a random position in a longer form: padded to five bytes (still valid for a
     * u32), or to six (too long), or with bits set beyond 32 (too large).
     */
    private byte[] stretchLeb(byte[] in) {
        int at = HEADER + random.nextInt(in.length - HEADER);
        int end = at;
        while (end < in.length && (in[end] & 0x80) != 0 && end - at < 10) {
            end++;
        }
        if (end >= in.length) {
            return flip(in);
        }
        long value = 0;
        for (int i = at; i <= end; i++) {
            value |= (long) (in[i] & 0x7F) << (7 * (i - at));
        }
        int length = switch (random.nextInt(3)) {
            case 0 -> 5;
            case 1 -> 6;
            default -> 5 + random.nextInt(6);
        };
        byte[] leb = new byte[length];
        for (int i = 0; i < length; i++) {
            leb[i] = (byte) ((value >>> (7 * i)) & 0x7F | (i < length - 1 ? 0x80 : 0));
        }
        if (random.nextInt(4) == 0) {
            leb[length - 1] |= 0x70;
        }
        return replace(in, at, end + 1, leb);
    }

    private record Section(int start, int contentStart, int end) {
    }

    /** Section boundaries as far as they can be read; stops at the first that does not fit. */
    static List<Section> sections(byte[] in) {
        List<Section> out = new ArrayList<>();
        int at = HEADER;
        while (at < in.length) {
            int p = at + 1;
            long size = 0;
            int shift = 0;
            while (p < in.length && shift < 35) {
                int b = in[p++] & 0xFF;
                size |= (long) (b & 0x7F) << shift;
                shift += 7;
                if ((b & 0x80) == 0) {
                    break;
                }
            }
            if (p + size > in.length) {
                break;
            }
            out.add(new Section(at, p, (int) (p + size)));
            at = (int) (p + size);
        }
        return out;
    }

    private byte[] shuffleSections(byte[] in) {
        List<Section> s = sections(in);
        if (s.size() < 2) {
            return flip(in);
        }
        List<byte[]> parts = new ArrayList<>();
        for (Section x : s) {
            parts.add(Arrays.copyOfRange(in, x.start(), x.end()));
        }
        int a = random.nextInt(parts.size());
        int b = random.nextInt(parts.size());
        if (random.nextBoolean()) {
            byte[] t = parts.get(a);
            parts.set(a, parts.get(b));
            parts.set(b, t);
        } else {
            parts.add(b, parts.get(a));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(in, 0, HEADER);
        parts.forEach(p -> out.write(p, 0, p.length));
        int tail = s.get(s.size() - 1).end();
        out.write(in, tail, in.length - tail);
        return out.toByteArray();
    }

    /** Replaces a section's leading count (or, sometimes, its size) with a huge number. */
    private byte[] inflateCount(byte[] in) {
        List<Section> s = sections(in);
        if (s.isEmpty()) {
            return flip(in);
        }
        Section x = s.get(random.nextInt(s.size()));
        long huge = HUGE[random.nextInt(HUGE.length)];
        int at = random.nextInt(3) == 0 ? x.start() + 1 : x.contentStart();
        int end = at;
        while (end < in.length && (in[end] & 0x80) != 0) {
            end++;
        }
        if (end >= in.length) {
            return flip(in);
        }
        return replace(in, at, end + 1, leb(huge));
    }

    private byte[] deleteRange(byte[] in) {
        int from = HEADER + random.nextInt(in.length - HEADER);
        int to = Math.min(in.length, from + 1 + random.nextInt(16));
        return replace(in, from, to, new byte[0]);
    }

    private byte[] insertRandom(byte[] in) {
        byte[] junk = new byte[1 + random.nextInt(8)];
        random.nextBytes(junk);
        int at = HEADER + random.nextInt(in.length - HEADER + 1);
        return replace(in, at, at, junk);
    }

    /** A chunk of another module pasted in: plausible bytes in an implausible place. */
    private byte[] splice(byte[] in, byte[] other) {
        if (other.length <= HEADER) {
            return flip(in);
        }
        int from = HEADER + random.nextInt(other.length - HEADER);
        int to = Math.min(other.length, from + 1 + random.nextInt(64));
        int at = HEADER + random.nextInt(in.length - HEADER + 1);
        int cut = Math.min(in.length, at + random.nextInt(64));
        return replace(in, at, cut, Arrays.copyOfRange(other, from, to));
    }

    static byte[] leb(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        do {
            int b = (int) (value & 0x7F);
            value >>>= 7;
            out.write(value != 0 ? b | 0x80 : b);
        } while (value != 0);
        return out.toByteArray();
    }

    private static byte[] replace(byte[] in, int from, int to, byte[] with) {
        byte[] out = new byte[in.length - (to - from) + with.length];
        System.arraycopy(in, 0, out, 0, from);
        System.arraycopy(with, 0, out, from, with.length);
        System.arraycopy(in, to, out, from + with.length, in.length - to);
        return out;
    }
}

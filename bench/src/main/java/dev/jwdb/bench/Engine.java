package dev.jwdb.bench;

/** One way of running a reactor module's {@code bench()} export. */
interface Engine {
    String name();

    /** Decodes, validates and instantiates {@code wasm}, then calls its {@code _initialize}. */
    Runner load(byte[] wasm);

    /** An instantiated module, ready to run {@code bench()} again and again. */
    interface Runner {
        int bench();
    }
}

package dev.jwdb.engine.wasi;

/** The kinds of capability a WASI call may need. */
public enum Capability {
    FILES, ENV, CLOCK, RANDOM, STDIO, LISTEN, CONNECT
}

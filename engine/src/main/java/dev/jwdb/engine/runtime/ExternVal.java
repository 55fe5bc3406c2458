package dev.jwdb.engine.runtime;

import dev.jwdb.engine.model.ExternKind;

/** A runtime entity that can be exported from one instance and imported into another. */
public sealed interface ExternVal permits FunctionInstance, TableInstance, MemoryInstance, GlobalInstance {
    ExternKind kind();
}

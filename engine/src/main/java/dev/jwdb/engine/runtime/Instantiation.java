package dev.jwdb.engine.runtime;

import dev.jwdb.engine.UnlinkableException;
import dev.jwdb.engine.exec.BulkOperations;
import dev.jwdb.engine.model.DataSegment;
import dev.jwdb.engine.model.ElementSegment;
import dev.jwdb.engine.model.Export;
import dev.jwdb.engine.model.FuncType;
import dev.jwdb.engine.model.Global;
import dev.jwdb.engine.model.GlobalType;
import dev.jwdb.engine.model.Import;
import dev.jwdb.engine.model.ImportDesc;
import dev.jwdb.engine.model.Instruction;
import dev.jwdb.engine.model.Limits;
import dev.jwdb.engine.model.Module;
import dev.jwdb.engine.model.ValType;

import java.util.List;

/** One instantiation, in the order Wasm 2.0 prescribes, up to the start function (see {@link Store#instantiate}). */
final class Instantiation {
    private final Store store;
    private final Module module;
    private final ImportResolver resolver;
    private Instance instance;

    Instantiation(Store store, Module module, ImportResolver resolver) {
        this.store = store;
        this.module = module;
        this.resolver = resolver;
    }

    Instance run() {
        int[] typeIds = new int[module.types().size()];
        for (int i = 0; i < typeIds.length; i++) {
            typeIds[i] = store.typeId(module.types().get(i));
        }
        instance = new Instance(module, typeIds);
        linkImports();
        allocate();
        for (Export e : module.exports()) {
            instance.exports.put(e.name(), exported(e));
        }
        evaluateElements();
        initializeTables();
        initializeMemories();
        return instance;
    }

    private void linkImports() {
        int functions = 0;
        int tables = 0;
        int memories = 0;
        int globals = 0;
        for (Import imp : module.imports()) {
            ExternVal value = resolver.resolve(imp.module(), imp.name());
            if (value == null) {
                throw new UnlinkableException("unknown import \"" + imp.module() + "\" \"" + imp.name() + "\"");
            }
            String mismatch = mismatch(imp.desc(), value);
            if (mismatch != null) {
                throw new UnlinkableException("incompatible import type for \"" + imp.module() + "\" \""
                        + imp.name() + "\": " + mismatch);
            }
            if (value instanceof FunctionInstance f) {
                store.adopt(f);
                instance.functions[functions++] = f;
            } else if (value instanceof TableInstance t) {
                instance.tables[tables++] = t;
            } else if (value instanceof MemoryInstance m) {
                instance.memories[memories++] = m;
            } else {
                instance.globals[globals++] = (GlobalInstance) value;
            }
        }
    }

    /** Why {@code value} cannot satisfy {@code desc}, or null when it can. */
    private String mismatch(ImportDesc desc, ExternVal value) {
        if (desc.kind() != value.kind()) {
            return "expected a " + desc.kind().text() + ", got a " + value.kind().text();
        }
        if (desc instanceof ImportDesc.Func f) {
            FuncType expected = module.types().get(f.typeIndex());
            FuncType actual = ((FunctionInstance) value).type();
            return expected.equals(actual) ? null : "expected " + expected + ", got " + actual;
        }
        if (desc instanceof ImportDesc.Table t) {
            TableInstance table = (TableInstance) value;
            if (table.elementType() != t.type().elementType()) {
                return "expected " + t.type().elementType() + " elements, got " + table.elementType();
            }
            return limitsMismatch(t.type().limits(), table.type().limits());
        }
        if (desc instanceof ImportDesc.Memory m) {
            return limitsMismatch(m.type().limits(), ((MemoryInstance) value).type().limits());
        }
        GlobalType expected = ((ImportDesc.Global) desc).type();
        GlobalType actual = ((GlobalInstance) value).type();
        return expected.equals(actual) ? null : "expected " + describe(expected) + ", got " + describe(actual);
    }

    private static String limitsMismatch(Limits expected, Limits actual) {
        boolean fits = actual.min() >= expected.min()
                && (!expected.hasMax() || actual.hasMax() && actual.max() <= expected.max());
        return fits ? null : "expected limits " + describe(expected) + ", got " + describe(actual);
    }

    private static String describe(Limits l) {
        return l.min() + (l.hasMax() ? ".." + l.max() : "..");
    }

    private static String describe(GlobalType t) {
        return (t.mutable() ? "mut " : "") + t.type();
    }

    private void allocate() {
        int offset = module.importedFunctionCount();
        for (int i = 0; i < module.functions().size(); i++) {
            FuncType type = module.types().get(module.functions().get(i).typeIndex());
            FunctionInstance f = FunctionInstance.defined(type, instance, offset + i);
            store.adopt(f);
            instance.functions[offset + i] = f;
        }
        offset = module.importedTableCount();
        for (int i = 0; i < module.tables().size(); i++) {
            instance.tables[offset + i] = new TableInstance(module.tables().get(i), store.limits());
        }
        offset = module.importedMemoryCount();
        for (int i = 0; i < module.memories().size(); i++) {
            instance.memories[offset + i] = new MemoryInstance(module.memories().get(i), store.limits());
        }
        offset = module.importedGlobalCount();
        for (int i = 0; i < module.globals().size(); i++) {
            Global g = module.globals().get(i);
            Value initial = g.type().type() == ValType.V128
                    ? ConstantExpression.evaluateVector(g.init(), instance)
                    : Value.ofSlot(g.type().type(), ConstantExpression.evaluate(g.init(), instance));
            instance.globals[offset + i] = new GlobalInstance(g.type(), initial);
        }
        for (int i = 0; i < module.data().size(); i++) {
            instance.data[i] = module.data().get(i).init();
        }
    }

    private ExternVal exported(Export e) {
        return switch (e.kind()) {
            case FUNC -> instance.functions[e.index()];
            case TABLE -> instance.tables[e.index()];
            case MEMORY -> instance.memories[e.index()];
            case GLOBAL -> instance.globals[e.index()];
        };
    }

    private void evaluateElements() {
        List<ElementSegment> segments = module.elements();
        for (int i = 0; i < segments.size(); i++) {
            List<List<Instruction>> items = segments.get(i).init();
            long[] refs = new long[items.size()];
            for (int j = 0; j < refs.length; j++) {
                refs[j] = ConstantExpression.evaluate(items.get(j), instance);
            }
            instance.elements[i] = refs;
        }
    }

    /** Active segments are table.init followed by elem.drop; declarative ones are only dropped. */
    private void initializeTables() {
        List<ElementSegment> segments = module.elements();
        for (int i = 0; i < segments.size(); i++) {
            ElementSegment.Mode mode = segments.get(i).mode();
            if (mode instanceof ElementSegment.Active active) {
                int offset = (int) ConstantExpression.evaluate(active.offset(), instance);
                long[] refs = instance.elements[i];
                BulkOperations.tableInit(instance.tables[active.table()], refs, offset, 0, refs.length);
                instance.dropElements(i);
            } else if (mode instanceof ElementSegment.Declarative) {
                instance.dropElements(i);
            }
        }
    }

    private void initializeMemories() {
        List<DataSegment> segments = module.data();
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).mode() instanceof DataSegment.Active active) {
                int offset = (int) ConstantExpression.evaluate(active.offset(), instance);
                byte[] bytes = instance.data[i];
                BulkOperations.memoryInit(instance.memories[active.memory()], bytes, offset, 0, bytes.length);
                instance.dropData(i);
            }
        }
    }
}

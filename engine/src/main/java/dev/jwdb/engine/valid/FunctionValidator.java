package dev.jwdb.engine.valid;

import dev.jwdb.engine.InvalidException;
import dev.jwdb.engine.model.BlockType;
import dev.jwdb.engine.model.FuncType;
import dev.jwdb.engine.model.Function;
import dev.jwdb.engine.model.GlobalType;
import dev.jwdb.engine.model.Immediate;
import dev.jwdb.engine.model.Instruction;
import dev.jwdb.engine.model.Names;
import dev.jwdb.engine.model.Opcode;
import dev.jwdb.engine.model.TableType;
import dev.jwdb.engine.model.ValType;

import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Type-checks function bodies with the spec's validation algorithm (appendix "Validation Algorithm"): one pass over
 * the instructions, an operand stack of value types, a control stack of blocks. Unreachable code is checked too,
 * against the polymorphic stack. One instance validates many functions, reusing its stacks.
 */
final class FunctionValidator {
    private static final FuncType EMPTY_BLOCK = new FuncType(List.of(), List.of());
    private static final Map<ValType, FuncType> SINGLE_RESULT_BLOCKS = new EnumMap<>(ValType.class);

    static {
        for (ValType t : ValType.values()) {
            SINGLE_RESULT_BLOCKS.put(t, new FuncType(List.of(), List.of(t)));
        }
    }

    private final ModuleContext context;
    private final Names names;
    private final TypeStack stack = new TypeStack();
    private List<ValType> params;
    /** Looked up, not copied: a body may declare 50000 locals in a few bytes (see LocalRuns). */
    private List<ValType> locals;
    private List<ValType> results;
    /** Where drops and selects of v128 operands are noted, when someone asked ({@link VectorOperands}). */
    private BitSet vectorOperands;
    private int position;

    FunctionValidator(ModuleContext context, Names names) {
        this.context = context;
        this.names = names;
    }

    void recordVectorOperands(BitSet positions) {
        vectorOperands = positions;
    }

    /**
     * The operand types just before instruction {@code position} of a valid function runs, bottom first (the
     * debugger's typed operand stack).
     */
    List<ValType> operandsBefore(int index, Function function, int position) {
        begin(index, function);
        List<Instruction> body = function.body();
        for (this.position = 0; this.position < position && this.position < body.size(); this.position++) {
            step(body.get(this.position));
        }
        return stack.operands();
    }

    private void begin(int index, Function function) {
        FuncType type = context.function(index);
        results = type.results();
        params = type.params();
        locals = function.locals();
        stack.clear();
        stack.pushFrame(Opcode.BLOCK, List.of(), results);
    }

    /** @param index the function's index in the function index space (imports included) */
    void validate(int index, Function function) {
        begin(index, function);
        List<Instruction> body = function.body();
        position = 0;
        try {
            for (int size = body.size(); position < size; position++) {
                if (stack.frameCount() == 0) {
                    throw new InvalidException("unexpected instruction after the end of the function body");
                }
                step(body.get(position));
            }
            if (stack.frameCount() != 0) {
                throw new InvalidException("unexpected end of function body: " + stack.frameCount()
                        + " block(s) not closed by end");
            }
        } catch (InvalidException e) {
            String where = ErrorLocation.function(index, names);
            if (position < body.size()) {
                where += " " + ErrorLocation.instruction(body.get(position), position);
            }
            throw ErrorLocation.at(e, where);
        }
    }

    private void step(Instruction ins) {
        Opcode op = ins.opcode();
        if (op.hasFixedSignature()) {
            checkIndices(op, ins.immediate());
            stack.popAll(op.params());
            stack.pushAll(op.results());
            return;
        }
        switch (op) {
            case UNREACHABLE -> stack.markUnreachable();
            case NOP -> {
            }
            case BLOCK, LOOP -> enter(op, blockType(ins));
            case IF -> {
                FuncType type = blockType(ins);
                stack.pop(ValType.I32);
                enter(op, type);
            }
            case ELSE -> {
                ControlFrame then = stack.current();
                if (then.opcode != Opcode.IF) {
                    throw new InvalidException("else without a matching if");
                }
                stack.popFrame();
                stack.pushFrame(Opcode.ELSE, then.startTypes, then.endTypes);
            }
            case END -> {
                ControlFrame frame = stack.popFrame();
                if (frame.opcode == Opcode.IF && !frame.startTypes.equals(frame.endTypes)) {
                    throw new InvalidException("type mismatch: if without else must have results "
                            + frame.endTypes + " equal to its parameters " + frame.startTypes);
                }
                stack.pushAll(frame.endTypes);
            }
            case BR -> {
                stack.popAll(stack.label(ins.index()).labelTypes());
                stack.markUnreachable();
            }
            case BR_IF -> {
                List<ValType> types = stack.label(ins.index()).labelTypes();
                stack.pop(ValType.I32);
                stack.popAll(types);
                stack.pushAll(types);
            }
            case BR_TABLE -> branchTable((Immediate.BrTable) ins.immediate());
            case RETURN -> {
                stack.popAll(results);
                stack.markUnreachable();
            }
            case CALL -> call(context.function(ins.index()));
            case CALL_INDIRECT -> callIndirect((Immediate.TwoIndex) ins.immediate());
            case DROP -> noteVectorOperand(stack.pop());
            case SELECT -> untypedSelect();
            case SELECT_T -> typedSelect(((Immediate.Types) ins.immediate()).types());
            case LOCAL_GET -> stack.push(local(ins.index()));
            case LOCAL_SET -> stack.pop(local(ins.index()));
            case LOCAL_TEE -> {
                ValType type = local(ins.index());
                stack.pop(type);
                stack.push(type);
            }
            case GLOBAL_GET -> stack.push(context.global(ins.index()).type());
            case GLOBAL_SET -> {
                GlobalType global = context.global(ins.index());
                if (!global.mutable()) {
                    throw new InvalidException("global is immutable: global " + Integer.toUnsignedString(ins.index()));
                }
                stack.pop(global.type());
            }
            case TABLE_GET -> {
                ValType element = context.table(ins.index()).elementType();
                stack.pop(ValType.I32);
                stack.push(element);
            }
            case TABLE_SET -> {
                ValType element = context.table(ins.index()).elementType();
                stack.pop(element);
                stack.pop(ValType.I32);
            }
            case TABLE_GROW -> {
                ValType element = context.table(ins.index()).elementType();
                stack.pop(ValType.I32);
                stack.pop(element);
                stack.push(ValType.I32);
            }
            case TABLE_FILL -> {
                ValType element = context.table(ins.index()).elementType();
                stack.pop(ValType.I32);
                stack.pop(element);
                stack.pop(ValType.I32);
            }
            case REF_NULL -> {
                ValType type = ((Immediate.Ref) ins.immediate()).type();
                if (!type.isReference()) {
                    throw new InvalidException("type mismatch: ref.null needs a reference type, not " + type);
                }
                stack.push(type);
            }
            case REF_IS_NULL -> {
                ValType operand = stack.pop();
                if (operand != null && !operand.isReference()) {
                    throw new InvalidException("type mismatch: expected a reference but got " + operand);
                }
                stack.push(ValType.I32);
            }
            case REF_FUNC -> {
                context.function(ins.index());
                if (!context.isDeclared(ins.index())) {
                    throw new InvalidException("undeclared function reference: function "
                            + ins.index() + " must appear in an element segment, export or global");
                }
                stack.push(ValType.FUNCREF);
            }
            default -> throw new InvalidException("unsupported instruction " + op.mnemonic());
        }
    }

    /** Index and alignment checks for instructions whose operand typing the opcode table fixes. */
    private void checkIndices(Opcode op, Immediate immediate) {
        if (op.prefix() == 0xFD) {
            VectorImmediates.check(op, immediate, context);
            return;
        }
        switch (op.immediate()) {
            case MEMARG -> {
                Immediate.MemArg memArg = (Immediate.MemArg) immediate;
                context.memory(memArg.memory());
                int natural = NaturalAlignment.exponent(op);
                if (Integer.compareUnsigned(memArg.alignExponent(), natural) > 0) {
                    throw new InvalidException("alignment must not be larger than natural: "
                            + op.mnemonic() + " accesses " + (1 << natural) + " byte(s)");
                }
            }
            case MEMORY -> context.memory(((Immediate.Index) immediate).index());
            case MEMORY_COPY -> {
                Immediate.TwoIndex memories = (Immediate.TwoIndex) immediate;
                context.memory(memories.first());
                context.memory(memories.second());
            }
            case MEMORY_INIT -> {
                Immediate.TwoIndex dataAndMemory = (Immediate.TwoIndex) immediate;
                context.memory(dataAndMemory.second());
                context.dataSegment(dataAndMemory.first());
            }
            case DATA -> context.dataSegment(((Immediate.Index) immediate).index());
            case ELEM -> context.elementSegment(((Immediate.Index) immediate).index());
            case TABLE -> context.table(((Immediate.Index) immediate).index());
            case TABLE_INIT -> {
                Immediate.TwoIndex elemAndTable = (Immediate.TwoIndex) immediate;
                ValType tableType = context.table(elemAndTable.second()).elementType();
                ValType segmentType = context.elementSegment(elemAndTable.first());
                requireSameReference(tableType, segmentType);
            }
            case TABLE_COPY -> {
                Immediate.TwoIndex tables = (Immediate.TwoIndex) immediate;
                ValType destination = context.table(tables.first()).elementType();
                ValType source = context.table(tables.second()).elementType();
                requireSameReference(destination, source);
            }
            default -> {
            }
        }
    }

    private static void requireSameReference(ValType destination, ValType source) {
        if (destination != source) {
            throw new InvalidException("type mismatch: cannot copy " + source + " elements into a table of "
                    + destination);
        }
    }

    private FuncType blockType(Instruction ins) {
        BlockType type = ((Immediate.Block) ins.immediate()).type();
        if (type instanceof BlockType.Value value) {
            return SINGLE_RESULT_BLOCKS.get(value.type());
        }
        if (type instanceof BlockType.TypeIndex index) {
            return context.type(index.index());
        }
        return EMPTY_BLOCK;
    }

    private void enter(Opcode op, FuncType type) {
        stack.popAll(type.params());
        stack.pushFrame(op, type.params(), type.results());
    }

    private void branchTable(Immediate.BrTable table) {
        stack.pop(ValType.I32);
        List<ValType> defaultTypes = stack.label(table.defaultLabel()).labelTypes();
        int arity = defaultTypes.size();
        for (int label : table.labels()) {
            List<ValType> types = stack.label(label).labelTypes();
            if (types.size() != arity) {
                throw new InvalidException("type mismatch: br_table label " + Integer.toUnsignedString(label)
                        + " carries " + types.size() + " value(s) but the default label carries " + arity);
            }
            stack.checkTop(types);
        }
        stack.popAll(defaultTypes);
        stack.markUnreachable();
    }

    private void call(FuncType type) {
        stack.popAll(type.params());
        stack.pushAll(type.results());
    }

    private void callIndirect(Immediate.TwoIndex typeAndTable) {
        TableType table = context.table(typeAndTable.second());
        FuncType type = context.type(typeAndTable.first());
        if (table.elementType() != ValType.FUNCREF) {
            throw new InvalidException("type mismatch: call_indirect needs a table of funcref, table "
                    + Integer.toUnsignedString(typeAndTable.second()) + " holds " + table.elementType());
        }
        stack.pop(ValType.I32);
        call(type);
    }

    /** Untyped select picks between numeric (or vector) operands only; references need the typed form. */
    private void untypedSelect() {
        stack.pop(ValType.I32);
        ValType first = stack.pop();
        ValType second = stack.pop();
        if (isReference(first) || isReference(second)) {
            throw new InvalidException("type mismatch: select without a type needs numeric operands, got "
                    + (isReference(first) ? first : second));
        }
        if (first != null && second != null && first != second) {
            throw new InvalidException("type mismatch: select operands " + second + " and " + first + " differ");
        }
        ValType type = first != null ? first : second;
        noteVectorOperand(type);
        stack.push(type);
    }

    private void noteVectorOperand(ValType type) {
        if (vectorOperands != null && type == ValType.V128) {
            vectorOperands.set(position);
        }
    }

    private static boolean isReference(ValType type) {
        return type != null && type.isReference();
    }

    private void typedSelect(List<ValType> types) {
        if (types.size() != 1) {
            throw new InvalidException("invalid result arity: select must have exactly one result type, has "
                    + types.size());
        }
        ValType type = types.get(0);
        stack.pop(ValType.I32);
        stack.pop(type);
        stack.pop(type);
        stack.push(type);
    }

    private ValType local(int index) {
        if (Integer.compareUnsigned(index, params.size() + locals.size()) >= 0) {
            throw new InvalidException("unknown local " + Integer.toUnsignedString(index));
        }
        return index < params.size() ? params.get(index) : locals.get(index - params.size());
    }
}

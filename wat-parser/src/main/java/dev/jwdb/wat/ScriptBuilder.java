package dev.jwdb.wat;

import dev.jwdb.engine.model.LaneShape;
import dev.jwdb.engine.model.ValType;
import dev.jwdb.engine.runtime.Value;
import dev.jwdb.wat.script.Action;
import dev.jwdb.wat.script.Command;
import dev.jwdb.wat.script.Expected;
import dev.jwdb.wat.script.ModuleSource;
import dev.jwdb.wat.script.Script;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Turns a parsed {@code .wast} script into {@link Command}s; text modules are only built when asked for. */
final class ScriptBuilder {
    private final TokenValues values;

    ScriptBuilder(TokenValues values) {
        this.values = values;
    }

    Script build(WatParser.ScriptContext script) {
        List<Command> commands = new ArrayList<>();
        if (!script.moduleField().isEmpty()) {
            List<WatParser.ModuleFieldContext> fields = script.moduleField();
            commands.add(new Command.ModuleCommand(script.getStart().getLine(), null,
                    new ModuleSource.Text(() -> ModuleBuilder.build(null, fields, values))));
        }
        for (WatParser.CommandContext command : script.command()) {
            commands.add(command(command));
        }
        return new Script(values.sourceName(), commands);
    }

    private Command command(WatParser.CommandContext command) {
        int line = command.getStart().getLine();
        if (command.scriptModule() != null) {
            WatParser.ScriptModuleContext module = command.scriptModule();
            return new Command.ModuleCommand(line, moduleId(module), source(module));
        }
        if (command.register() != null) {
            WatParser.RegisterContext register = command.register();
            return new Command.Register(line, string(register.name()), id(register.ID()));
        }
        if (command.action() != null) {
            return new Command.ActionCommand(line, action(command.action()));
        }
        return assertion(line, command.assertion());
    }

    private Command assertion(int line, WatParser.AssertionContext assertion) {
        if (assertion instanceof WatParser.AssertReturnContext r) {
            List<Expected> expected = new ArrayList<>();
            for (WatParser.ExpectedResultContext result : r.expectedResult()) {
                expected.add(expected(result));
            }
            return new Command.AssertReturn(line, action(r.action()), expected);
        }
        if (assertion instanceof WatParser.AssertTrapActionContext t) {
            return new Command.AssertTrap(line, action(t.action()), null, string(t.name()));
        }
        if (assertion instanceof WatParser.AssertTrapModuleContext t) {
            return new Command.AssertTrap(line, null, source(t.scriptModule()), string(t.name()));
        }
        if (assertion instanceof WatParser.AssertExhaustionContext e) {
            return new Command.AssertExhaustion(line, action(e.action()), string(e.name()));
        }
        if (assertion instanceof WatParser.AssertMalformedContext m) {
            return new Command.AssertMalformed(line, source(m.scriptModule()), string(m.name()));
        }
        if (assertion instanceof WatParser.AssertInvalidContext i) {
            return new Command.AssertInvalid(line, source(i.scriptModule()), string(i.name()));
        }
        if (assertion instanceof WatParser.AssertUnlinkableContext u) {
            return new Command.AssertUnlinkable(line, source(u.scriptModule()), string(u.name()));
        }
        WatParser.AssertUninstantiableContext u = (WatParser.AssertUninstantiableContext) assertion;
        return new Command.AssertUninstantiable(line, source(u.scriptModule()), string(u.name()));
    }

    private ModuleSource source(WatParser.ScriptModuleContext module) {
        if (module instanceof WatParser.BinaryModuleContext b) {
            return new ModuleSource.Binary(bytes(b.STRING()));
        }
        if (module instanceof WatParser.QuoteModuleContext q) {
            return new ModuleSource.Quote(new String(bytes(q.STRING()), StandardCharsets.UTF_8));
        }
        WatParser.TextModuleContext text = (WatParser.TextModuleContext) module;
        Token id = IdentifierContext.symbol(text.ID());
        return new ModuleSource.Text(() -> ModuleBuilder.build(id, text.moduleField(), values));
    }

    private static String moduleId(WatParser.ScriptModuleContext module) {
        TerminalNode id;
        if (module instanceof WatParser.BinaryModuleContext b) {
            id = b.ID();
        } else if (module instanceof WatParser.QuoteModuleContext q) {
            id = q.ID();
        } else {
            id = ((WatParser.TextModuleContext) module).ID();
        }
        return id(id);
    }

    private Action action(WatParser.ActionContext action) {
        if (action instanceof WatParser.InvokeContext i) {
            List<Value> args = new ArrayList<>();
            for (WatParser.ConstantContext c : i.constant()) {
                args.add(constant(c));
            }
            return new Action.Invoke(id(i.ID()), string(i.name()), args);
        }
        WatParser.GetContext g = (WatParser.GetContext) action;
        return new Action.Get(id(g.ID()), string(g.name()));
    }

    private Value constant(WatParser.ConstantContext constant) {
        if (constant instanceof WatParser.NumConstantContext n) {
            return number(n.OP_CONST().getSymbol(), n.literal().getStart());
        }
        if (constant instanceof WatParser.VectorConstantContext v) {
            List<Token> lanes = v.literal().stream().map(WatParser.LiteralContext::getStart).toList();
            return vector(values.v128(v.V128_SHAPE().getSymbol(), lanes));
        }
        if (constant instanceof WatParser.NullConstantContext n) {
            return Value.nullRef(ExpressionBuilder.heapType(n.heapType()));
        }
        return Value.ref(ValType.EXTERNREF, values.u32(((WatParser.ExternConstantContext) constant).NAT().getSymbol()));
    }

    private Value number(Token op, Token literal) {
        return switch (op.getText()) {
            case "i32.const" -> Value.i32(values.i32(literal));
            case "i64.const" -> Value.i64(values.i64(literal));
            case "f32.const" -> Value.f32Bits(values.f32Bits(literal));
            case "f64.const" -> Value.f64Bits(values.f64Bits(literal));
            default -> throw values.error(op, "unexpected token " + op.getText());
        };
    }

    private Expected expected(WatParser.ExpectedResultContext result) {
        if (result instanceof WatParser.NumExpectedContext n) {
            Token op = n.OP_CONST().getSymbol();
            if (n.literal() != null) {
                return new Expected.Exact(number(op, n.literal().getStart()));
            }
            ValType type = switch (op.getText()) {
                case "f32.const" -> ValType.F32;
                case "f64.const" -> ValType.F64;
                default -> throw values.error(op, "unexpected token " + op.getText());
            };
            return n.NAN_CANONICAL() != null ? new Expected.CanonicalNan(type) : new Expected.ArithmeticNan(type);
        }
        if (result instanceof WatParser.VectorExpectedContext v) {
            return vectorExpected(v);
        }
        if (result instanceof WatParser.NullExpectedContext n) {
            return new Expected.Exact(Value.nullRef(ExpressionBuilder.heapType(n.heapType())));
        }
        if (result instanceof WatParser.ExternExpectedContext e) {
            return e.NAT() == null ? new Expected.AnyRef(ValType.EXTERNREF)
                    : new Expected.Exact(Value.ref(ValType.EXTERNREF, values.u32(e.NAT().getSymbol())));
        }
        return new Expected.AnyRef(ValType.FUNCREF);
    }

    /**
     * An expected v128: exact bits, unless a float lane is a NaN pattern; then each lane is matched on its own, the
     * pattern lanes by kind of NaN and the others bit for bit.
     */
    private Expected vectorExpected(WatParser.VectorExpectedContext v) {
        Token shapeToken = v.V128_SHAPE().getSymbol();
        LaneShape shape = LaneShape.of(shapeToken.getText());
        List<WatParser.LaneExpectedContext> lanes = v.laneExpected();
        boolean patterns = lanes.stream().anyMatch(l -> l.literal() == null);
        if (!patterns) {
            return new Expected.Exact(vector(values.v128(shapeToken,
                    lanes.stream().map(l -> l.literal().getStart()).toList())));
        }
        if (!shape.isFloat()) {
            throw values.error(shapeToken, "unexpected token: NaN patterns need a float shape, not " + shape.text());
        }
        if (lanes.size() != shape.lanes()) {
            throw values.error(shapeToken, "wrong number of lane literals: " + shape.text() + " has "
                    + shape.lanes() + " lanes, got " + lanes.size());
        }
        ValType laneType = shape == LaneShape.F32X4 ? ValType.F32 : ValType.F64;
        List<Expected> expected = new ArrayList<>();
        for (WatParser.LaneExpectedContext lane : lanes) {
            if (lane.NAN_CANONICAL() != null) {
                expected.add(new Expected.CanonicalNan(laneType));
            } else if (lane.NAN_ARITHMETIC() != null) {
                expected.add(new Expected.ArithmeticNan(laneType));
            } else {
                Token literal = lane.literal().getStart();
                expected.add(new Expected.Exact(laneType == ValType.F32 ? Value.f32Bits(values.f32Bits(literal))
                        : Value.f64Bits(values.f64Bits(literal))));
            }
        }
        return new Expected.V128Lanes(shape.text(), expected);
    }

    private static Value vector(byte[] bytes) {
        return Value.v128(littleEndian(bytes, 0), littleEndian(bytes, 8));
    }

    private static long littleEndian(byte[] bytes, int from) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = v << 8 | (bytes[from + i] & 0xFF);
        }
        return v;
    }

    private String string(WatParser.NameContext name) {
        return values.name(name.STRING().getSymbol());
    }

    private byte[] bytes(List<TerminalNode> strings) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (TerminalNode s : strings) {
            out.writeBytes(values.bytes(s.getSymbol()));
        }
        return out.toByteArray();
    }

    /** Script-level ids keep their {@code $}, as commands refer to modules by the id as written. */
    private static String id(TerminalNode id) {
        return id == null ? null : id.getText();
    }
}

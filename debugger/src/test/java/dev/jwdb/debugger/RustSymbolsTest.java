package dev.jwdb.debugger;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RustSymbolsTest {
    @Test
    void legacyManglingReadsAsAPathWithoutTheHash() {
        assertEquals("scores::total", RustSymbols.demangle("_ZN6scores5total17h9732aab34b6ee876E"));
        assertEquals("<alloc::string::String as core::ops::deref::Deref>::deref", RustSymbols.demangle(
                "_ZN65_$LT$alloc..string..String$u20$as$u20$core..ops..deref..Deref$GT$5deref17h3e92cdc98271ddbcE"));
        assertEquals("core::ptr::drop_in_place<std::rt::lang_start<()>::{{closure}}>", RustSymbols.demangle(
                "_ZN4core3ptr85drop_in_place$LT$std..rt..lang_start$LT$$LP$$RP$$GT$..$u7b$$u7b$closure$u7d$$u7d$"
                        + "$GT$17h32a83ba769f47bc3E"));
        assertEquals("std::process::abort", RustSymbols.demangle("_ZN3std7process5abort17h0123456789abcdefE.llvm.42"));
        // demangled already, by a tool that kept the hash
        assertEquals("std::rt::lang_start_internal", RustSymbols.demangle(
                "std::rt::lang_start_internal::hc6af8987ccc49bd7"));
        // C names, and what only looks mangled, stay as they are
        assertEquals("strtol", RustSymbols.demangle("strtol"));
        assertEquals("_ZN3abc", RustSymbols.demangle("_ZN3abc"));
        assertEquals("_ZN9shortE", RustSymbols.demangle("_ZN9shortE"));
    }

    @Test
    void aNameIsThePathOrItsLastComponents() {
        assertTrue(RustSymbols.names("total", "scores::total"));
        assertTrue(RustSymbols.names("scores::total", "scores::total"));
        assertFalse(RustSymbols.names("tal", "scores::total"));
        assertFalse(RustSymbols.names("", "scores::total"));
        assertTrue(RustSymbols.names("deref", "<alloc::string::String as core::ops::deref::Deref>::deref"));
        // the :: inside <...> separate nothing
        assertFalse(RustSymbols.names("Deref>::deref", "<alloc::string::String as core::ops::deref::Deref>::deref"));
        assertFalse(RustSymbols.names("String>::len", "alloc::vec::Vec<alloc::string::String>::len"));
        assertTrue(RustSymbols.names("len", "alloc::vec::Vec<alloc::string::String>::len"));
    }
}

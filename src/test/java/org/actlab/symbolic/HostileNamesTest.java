package org.actlab.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.actlab.ActlabException;
import org.actlab.symbolic.print.DerivationLatex;
import org.actlab.symbolic.print.JavaEmitter;
import org.actlab.symbolic.print.PyTorchEmitter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names a user chooses never become code: parameters named like keywords, builtins or the emitted
 * module's own names are renamed (the Java class still compiles; the Python module's identifiers are
 * all safe), spec names that could leave a comment or a string are refused, and package names are
 * validated.
 */
class HostileNamesTest {
    private static final SymbolicEngine ENGINE = SymbolicEngine.standard();

    private static Derivation derive(String name, String gradient, String params, String assume) {
        return new Deriver(ENGINE).derive(new SpecParser(ENGINE).parse(new SpecText(name, gradient, params, assume, null, null)));
    }

    @Test
    void keywordParametersGiveAJavaClassThatCompiles(@TempDir Path dir) {
        Derivation d = derive("class", "x > 0 : int*x + new ; x <= 0 : new*exp(x)", "int,new", "int > 0");
        String source = JavaEmitter.emit(d, ENGINE, "generated.ok", Map.of());
        String cls = source.substring(source.indexOf("public final class ") + 19, source.indexOf(" extends"));
        assertEquals("ClassActivation", cls, "the class name is not a keyword nor a name the class uses");
        Path file = dir.resolve("generated/ok/" + cls + ".java");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, source);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-classpath", System.getProperty("java.class.path"), "-d", dir.toString(), file.toString());
        assertEquals(0, rc, source);
    }

    @Test
    void pythonIdentifiersAreNeverKeywordsBuiltinsOrTheModulesOwnNames() {
        String params = "lambda,None,self,torch,nn,F,p,x0,math,dtype,print";
        String gradient = "x > 0 : lambda*x + None + self + torch + nn + F + p + x0 + math + dtype + print ; x <= 0 : 0";
        String source = PyTorchEmitter.emit(derive("kw", gradient, params, ""), ENGINE, Map.of());
        // the constructor's keyword arguments and every assignment target are safe identifiers
        Matcher init = Pattern.compile("def __init__\\(self, (.*)\\):").matcher(source);
        assertTrue(init.find(), source);
        for (String arg : init.group(1).split(", ")) {
            String name = arg.split("=")[0];
            assertTrue(name.equals("dtype") || name.endsWith("_"), "renamed: " + name);
        }
        for (String line : source.split("\n")) {
            Matcher assign = Pattern.compile("^\\s+([A-Za-z_][A-Za-z0-9_]*) = ").matcher(line);
            if (assign.find()) {
                String target = assign.group(1);
                assertFalse(java.util.Set.of("lambda", "None", "self", "torch", "nn", "F", "math", "print", "dtype").contains(target),
                        "assignment to " + target + ": " + line);
            }
        }
        assertTrue(source.contains("\"lambda\": lambda_"), "parameter_values keeps the user's names as keys");
    }

    @Test
    void specNamesThatCouldLeaveACommentAreRefused() {
        for (String name : new String[] {"soft\nimport os", "a\"\"\"b", "x*/y", "a b", "1abc", "\u00e9t\u00e9", "a;b", "a$b"}) {
            assertThrows(ActlabException.class, () -> SpecParser.name(name), name);
        }
        assertEquals("my-act_2|x", SpecParser.name("my-act_2|x"));
    }

    @Test
    void theLatexHeaderStaysAComment() {
        Derivation d = derive("custom", "x > 0 : x +\n 1 ; x <= 0 : 1", "", "");
        String tex = DerivationLatex.print(d);
        assertTrue(tex.startsWith("% actlab derive custom: gradient: x > 0 : x + 1 ; x <= 0 : 1"), tex.lines().findFirst().orElse(""));
    }

    @Test
    void packageNamesAreJavaPackageNames() {
        JavaEmitter.checkPackage("org.example.derived");
        for (String bad : new String[] {"x; import java.io.*; class Evil { static {} } //", "org.class.x", "a..b", "1a", "a-b", ""}) {
            assertThrows(ActlabException.class, () -> JavaEmitter.checkPackage(bad), bad);
        }
    }
}

package org.beatbook.audit.web;

import org.beatbook.shared.AuditEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The action codes the application records, read from its Java sources: the first argument of every
 * {@code new AuditEvent(…)} and of every static factory of {@link AuditEvent} ({@code AuditEvent.success(…)}).
 * <p>
 * An argument is resolved when it is
 * <ul>
 *   <li>a string literal, or a conditional {@code c ? "A" : "B"} of resolvable branches;</li>
 *   <li>a name declared in the same file as {@code String NAME = …;} (a constant or a local variable), resolved
 *       from its initialiser;</li>
 *   <li>a parameter of a method in the same file (a helper such as {@code audit(String action, …)}): then the
 *       argument at that position of every call of that method in the same file (same name, same number of
 *       arguments) is resolved in turn, up to a few helpers deep.</li>
 * </ul>
 * Anything else (a concatenation {@code "X_" + kind}, a method call, a constant of another class, a helper called
 * from another file, a name assigned twice with different values, an {@code AuditEvent} built by reflection) is
 * reported as <em>unresolved</em> with its file and line, rather than skipped, so the label test fails until the
 * scan is taught the new shape or the code is written as a literal. Comments are blanked first, so a code that
 * appears only in a comment or Javadoc is not counted; string literals in the text blocks of SQL are not action
 * arguments and are not read as such.
 */
final class AuditActionScan {

    /** Where a code or an unresolved argument was found. */
    record Site(String file, int line, String argument) {
        @Override
        public String toString() {
            return file + ":" + line + " " + argument;
        }
    }

    /** Every code with the places that record it, and the arguments the scan could not resolve. */
    record Result(Map<String, List<Site>> codes, List<Site> unresolved) {
    }

    private static final Pattern CONSTRUCTION = Pattern.compile("\\bnew\\s+(?:[\\w.]+\\.)?AuditEvent\\s*\\(");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][\\w$]*");
    private static final Pattern DECLARATION =
            Pattern.compile("(\\w+)\\s*\\(([^()]*)\\)\\s*(?:throws\\s+[\\w.,\\s]+)?\\{");
    private static final Set<String> KEYWORDS = Set.of("if", "for", "while", "switch", "catch", "synchronized", "try");
    private static final int MAX_DEPTH = 4;

    private AuditActionScan() {
    }

    /** Scans every {@code .java} file under {@code root}. */
    static Result scan(Path root) {
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                sources.put(root.relativize(f).toString(), Files.readString(f, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return scan(sources);
    }

    /** Scans the given sources, by file name. */
    static Result scan(Map<String, String> sources) {
        List<String> factories = Arrays.stream(AuditEvent.class.getDeclaredMethods())
                .filter(m -> Modifier.isStatic(m.getModifiers()) && m.getReturnType() == AuditEvent.class)
                .filter(m -> m.getParameterCount() > 0 && m.getParameterTypes()[0] == String.class)
                .map(Method::getName)
                .toList();
        Map<String, List<Site>> codes = new TreeMap<>();
        List<Site> unresolved = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            if (source.getKey().replace('\\', '/').endsWith("shared/AuditEvent.java")) {
                continue; // the record's own copies (withDetail, …) pass an action through unchanged
            }
            SourceFile file = new SourceFile(source.getKey(), blankComments(source.getValue()));
            List<Pattern> calls = new ArrayList<>(List.of(CONSTRUCTION));
            for (String factory : factories) {
                calls.add(Pattern.compile("\\bAuditEvent\\s*\\.\\s*" + factory + "\\s*\\("));
                if (Pattern.compile("import\\s+static\\s+[\\w.]*\\bAuditEvent\\s*\\.\\s*(?:\\*|" + factory + ")\\s*;")
                        .matcher(file.text).find()) {
                    calls.add(Pattern.compile("(?<![\\w.$])" + factory + "\\s*\\("));
                }
            }
            for (Pattern call : calls) {
                Matcher m = call.matcher(file.text);
                while (m.find()) {
                    if (file.insideLiteral(m.start())) {
                        continue;
                    }
                    List<String> args = file.arguments(m.end() - 1);
                    String action = args.isEmpty() ? "" : args.get(0);
                    Site site = new Site(file.name, file.line(m.start()), action);
                    Set<String> found = new LinkedHashSet<>();
                    if (file.resolve(action, m.start(), found, 0)) {
                        found.forEach(code -> codes.computeIfAbsent(code, c -> new ArrayList<>()).add(site));
                    } else {
                        unresolved.add(site);
                    }
                }
            }
        }
        return new Result(codes, unresolved);
    }

    /**
     * The source with every comment replaced by spaces (line breaks kept, so offsets and line numbers still hold);
     * string, character and text-block literals are kept as written.
     */
    static String blankComments(String src) {
        StringBuilder out = new StringBuilder(src);
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (src.startsWith("\"\"\"", i)) {
                int end = src.indexOf("\"\"\"", i + 3);
                while (end > 0 && src.charAt(end - 1) == '\\') {
                    end = src.indexOf("\"\"\"", end + 1);
                }
                i = end < 0 ? n : end + 3;
            } else if (c == '"' || c == '\'') {
                i++;
                while (i < n && src.charAt(i) != c && src.charAt(i) != '\n') {
                    i += src.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
            } else if (src.startsWith("//", i)) {
                while (i < n && src.charAt(i) != '\n') {
                    out.setCharAt(i++, ' ');
                }
            } else if (src.startsWith("/*", i)) {
                int end = src.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                for (; i < end; i++) {
                    if (src.charAt(i) != '\n') {
                        out.setCharAt(i, ' ');
                    }
                }
            } else {
                i++;
            }
        }
        return out.toString();
    }

    /** One file with its comments blanked. */
    private record SourceFile(String name, String text) {

        int line(int offset) {
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            return line;
        }

        /** Whether the offset lies inside a string or text-block literal (a match there is not a call). */
        boolean insideLiteral(int offset) {
            int i = 0;
            while (i < offset) {
                if (text.startsWith("\"\"\"", i)) {
                    int end = text.indexOf("\"\"\"", i + 3);
                    if (end < 0 || end + 3 > offset) {
                        return true;
                    }
                    i = end + 3;
                } else if (text.charAt(i) == '"' || text.charAt(i) == '\'') {
                    char q = text.charAt(i++);
                    while (i < text.length() && text.charAt(i) != q && text.charAt(i) != '\n') {
                        i += text.charAt(i) == '\\' ? 2 : 1;
                    }
                    if (i >= offset) {
                        return true;
                    }
                    i++;
                } else {
                    i++;
                }
            }
            return false;
        }

        /** The top-level arguments of the call whose opening parenthesis is at {@code open}, trimmed. */
        List<String> arguments(int open) {
            List<String> args = new ArrayList<>();
            int depth = 0;
            int start = open + 1;
            int i = open;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (text.startsWith("\"\"\"", i)) {
                    int end = text.indexOf("\"\"\"", i + 3);
                    i = end < 0 ? text.length() : end + 3;
                    continue;
                }
                if (c == '"' || c == '\'') {
                    i++;
                    while (i < text.length() && text.charAt(i) != c) {
                        i += text.charAt(i) == '\\' ? 2 : 1;
                    }
                    i++;
                    continue;
                }
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if (c == ')' || c == ']' || c == '}') {
                    depth--;
                    if (depth == 0) {
                        String last = text.substring(start, i).strip();
                        if (!last.isEmpty() || !args.isEmpty()) {
                            args.add(last);
                        }
                        return args;
                    }
                } else if (c == ',' && depth == 1) {
                    args.add(text.substring(start, i).strip());
                    start = i + 1;
                }
                i++;
            }
            return args;
        }

        /**
         * Adds the codes {@code expr} can take to {@code found}; false when some value cannot be known from this
         * file. {@code at} is where the expression is used (for finding the method it belongs to).
         */
        boolean resolve(String expr, int at, Set<String> found, int depth) {
            String e = unwrap(expr.strip());
            if (depth > MAX_DEPTH || e.isEmpty()) {
                return false;
            }
            int question = topLevel(e, '?');
            if (question > 0) {
                int colon = topLevel(e.substring(question + 1), ':');
                return colon > 0
                        && resolve(e.substring(question + 1, question + 1 + colon), at, found, depth)
                        && resolve(e.substring(question + 2 + colon), at, found, depth);
            }
            Matcher literal = LITERAL.matcher(e);
            if (literal.matches()) {
                found.add(literal.group(1));
                return true;
            }
            if (!IDENTIFIER.matcher(e).matches()) {
                return false; // a concatenation, a call, another class's constant: not known here
            }
            boolean known = false;
            Matcher declared = Pattern.compile("\\bString\\s+" + Pattern.quote(e) + "\\s*=\\s*([^;]+);").matcher(text);
            while (declared.find()) {
                if (!resolve(declared.group(1), declared.start(), found, depth + 1)) {
                    return false;
                }
                known = true;
            }
            Matcher assigned = Pattern.compile("(?<![\\w.$])" + Pattern.quote(e) + "\\s*=[^=]").matcher(text);
            int assignments = 0;
            while (assigned.find()) {
                if (!insideLiteral(assigned.start())) {
                    assignments++;
                }
            }
            if (known) {
                // a re-assignment after the declaration could give it any value
                return assignments == countDeclarations(e);
            }
            Helper method = enclosingMethodParameter(at, e);
            if (method == null || assignments > 0) {
                return false;
            }
            boolean any = false;
            Matcher calls = Pattern.compile("(?<![\\w.$])(?:this\\s*\\.\\s*)?" + Pattern.quote(method.name) + "\\s*\\(")
                    .matcher(text);
            while (calls.find()) {
                if (calls.start() == method.declaredAt || insideLiteral(calls.start())) {
                    continue;
                }
                List<String> args = arguments(calls.end() - 1);
                if (args.size() != method.parameterCount) {
                    continue;
                }
                any = true;
                if (!resolve(args.get(method.parameterIndex), calls.start(), found, depth + 1)) {
                    return false;
                }
            }
            return any;
        }

        private int countDeclarations(String name) {
            Matcher m = Pattern.compile("\\bString\\s+" + Pattern.quote(name) + "\\s*=").matcher(text);
            int n = 0;
            while (m.find()) {
                n++;
            }
            return n;
        }

        /** A helper method: its name, where its name is declared, and which of its parameters the name is. */
        private record Helper(String name, int declaredAt, int parameterIndex, int parameterCount) {
        }

        /**
         * The method (or constructor) declared last before {@code at}, if {@code name} is one of its {@code String}
         * parameters; null otherwise (also when the last "declaration" is an anonymous class's header).
         */
        private Helper enclosingMethodParameter(int at, String name) {
            Matcher m = DECLARATION.matcher(text);
            Helper found = null;
            while (m.find() && m.start() < at) {
                if (KEYWORDS.contains(m.group(1)) || insideLiteral(m.start())) {
                    continue;
                }
                found = null;
                List<String> params = m.group(2).isBlank() ? List.of() : splitParameters(m.group(2));
                for (int i = 0; i < params.size(); i++) {
                    if (params.get(i).matches("(?:final\\s+)?String\\s+" + Pattern.quote(name))) {
                        found = new Helper(m.group(1), m.start(1), i, params.size());
                    }
                }
            }
            return found;
        }

        private static List<String> splitParameters(String params) {
            List<String> out = new ArrayList<>();
            int depth = 0;
            int start = 0;
            for (int i = 0; i < params.length(); i++) {
                char c = params.charAt(i);
                if (c == '<') {
                    depth++;
                } else if (c == '>') {
                    depth--;
                } else if (c == ',' && depth == 0) {
                    out.add(params.substring(start, i).strip().replaceAll("@\\w+\\s+", ""));
                    start = i + 1;
                }
            }
            out.add(params.substring(start).strip().replaceAll("@\\w+\\s+", ""));
            return out;
        }

        private static String unwrap(String e) {
            while (e.startsWith("(") && e.endsWith(")") && topLevelClose(e) == e.length() - 1) {
                e = e.substring(1, e.length() - 1).strip();
            }
            return e;
        }

        private static int topLevelClose(String e) {
            int depth = 0;
            for (int i = 0; i < e.length(); i++) {
                char c = e.charAt(i);
                if (c == '"') {
                    i = skipLiteral(e, i);
                } else if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    return i;
                }
            }
            return -1;
        }

        /** Index of the first {@code wanted} outside parentheses and literals, or -1. */
        private static int topLevel(String e, char wanted) {
            int depth = 0;
            for (int i = 0; i < e.length(); i++) {
                char c = e.charAt(i);
                if (c == '"' || c == '\'') {
                    i = skipLiteral(e, i);
                } else if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if (c == ')' || c == ']' || c == '}') {
                    depth--;
                } else if (c == wanted && depth == 0) {
                    return i;
                }
            }
            return -1;
        }

        private static int skipLiteral(String e, int i) {
            char q = e.charAt(i++);
            while (i < e.length() && e.charAt(i) != q) {
                i += e.charAt(i) == '\\' ? 2 : 1;
            }
            return i;
        }
    }
}

package fleetroll.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the JSON that {@link Json#MAPPER} stored back into a record, for the simple shapes
 * fleetroll stores (strings, numbers, booleans, nested records, null; unknown fields skipped),
 * with the names Jackson would use. It exists for speed: host-monitor decodes 10,000 stored
 * observations right after the JVM started, where Jackson's set-up and generic code cost three
 * times what a direct reader does. Anything it does not read exactly as Jackson would (a number
 * in quotes, a fraction where an integer goes, a type it does not know) throws {@link
 * Unreadable}, and the caller asks Jackson, so the result is always Jackson's.
 */
final class RecordReader {
    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

    private final String json;
    private int pos;

    private RecordReader(String json) {
        this.json = json;
    }

    /** Not read here: ask Jackson. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message, null, false, false); // thrown as control flow; no stack trace needed
        }
    }

    static <T extends Record> T read(String json, Class<T> type) {
        RecordReader reader = new RecordReader(json);
        T value = type.cast(reader.value(type));
        reader.skipBlanks();
        if (reader.pos != json.length()) {
            throw new Unreadable("text after the value");
        }
        if (value == null) {
            throw new Unreadable("null");
        }
        return value;
    }

    /** A record's components by JSON name, and how to build it. */
    private record Shape(Map<String, Integer> index, Class<?>[] types, Constructor<?> constructor) {
        static Shape of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            boolean snakeCase = type.getAnnotation(JsonNaming.class) != null
                    && type.getAnnotation(JsonNaming.class).value() == PropertyNamingStrategies.SnakeCaseStrategy.class;
            if (type.getAnnotation(JsonNaming.class) != null && !snakeCase) {
                throw new Unreadable("naming strategy of " + type.getSimpleName());
            }
            Map<String, Integer> index = new HashMap<>();
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                JsonProperty property = components[i].getAccessor().getAnnotation(JsonProperty.class);
                String name = property != null && !property.value().isEmpty()
                        ? property.value()
                        : snakeCase ? snakeCase(components[i].getName()) : components[i].getName();
                index.put(name, i);
                types[i] = components[i].getType();
            }
            try {
                return new Shape(index, types, type.getDeclaredConstructor(types));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("record without canonical constructor: " + type, e);
            }
        }
    }

    /** Jackson's SnakeCaseStrategy: "overrideSha256" -> "override_sha256", "uptimeS" -> "uptime_s". */
    static String snakeCase(String name) {
        StringBuilder sb = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0 && sb.charAt(sb.length() - 1) != '_') {
                    sb.append('_');
                }
                sb.append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private Object value(Class<?> type) {
        skipBlanks();
        char c = peek();
        if (c == 'n') {
            literal("null");
            if (type.isPrimitive()) {
                return type == boolean.class ? Boolean.FALSE : type == int.class ? (Object) 0 : (Object) 0L;
            }
            return null;
        }
        if (type == String.class) {
            if (c != '"') {
                throw new Unreadable("not a string");
            }
            return string();
        }
        if (type == boolean.class || type == Boolean.class) {
            if (c == 't') {
                literal("true");
                return Boolean.TRUE;
            }
            literal("false");
            return Boolean.FALSE;
        }
        if (type == long.class || type == Long.class) {
            return integer();
        }
        if (type == int.class || type == Integer.class) {
            long v = integer();
            if (v != (int) v) {
                throw new Unreadable("int out of range");
            }
            return (int) v;
        }
        if (type.isRecord()) {
            return object(type);
        }
        throw new Unreadable("type " + type.getSimpleName());
    }

    private Object object(Class<?> type) {
        Shape shape = SHAPES.computeIfAbsent(type, Shape::of);
        expect('{');
        Object[] args = new Object[shape.types().length];
        for (int i = 0; i < args.length; i++) {
            Class<?> t = shape.types()[i];
            // Missing fields: null, or the primitive's default, as Jackson reads them.
            args[i] = t == boolean.class
                    ? Boolean.FALSE
                    : t == int.class ? (Object) 0 : t == long.class ? (Object) 0L : null;
        }
        skipBlanks();
        if (peek() == '}') {
            pos++;
        } else {
            while (true) {
                skipBlanks();
                String name = string();
                skipBlanks();
                expect(':');
                Integer i = shape.index().get(name);
                if (i == null) {
                    skipValue();
                } else {
                    args[i] = value(shape.types()[i]);
                }
                skipBlanks();
                char c = next();
                if (c == '}') {
                    break;
                }
                if (c != ',') {
                    throw new Unreadable("expected , or }");
                }
            }
        }
        try {
            return shape.constructor().newInstance(args);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new Unreadable("cannot build " + type.getSimpleName() + ": " + e);
        }
    }

    private long integer() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        while (pos < json.length() && json.charAt(pos) >= '0' && json.charAt(pos) <= '9') {
            pos++;
        }
        if (pos == start || pos < json.length() && ".eE".indexOf(json.charAt(pos)) >= 0) {
            throw new Unreadable("not an integer"); // Jackson coerces 3600.0; let it
        }
        try {
            return Long.parseLong(json, start, pos, 10);
        } catch (NumberFormatException e) {
            throw new Unreadable("integer out of range");
        }
    }

    private String string() {
        expect('"');
        int start = pos;
        while (true) {
            if (pos >= json.length()) {
                throw new Unreadable("unterminated string");
            }
            char c = json.charAt(pos);
            if (c == '"') {
                String s = json.substring(start, pos);
                pos++;
                return s;
            }
            if (c == '\\') {
                return escapedString(start);
            }
            pos++;
        }
    }

    private String escapedString(int start) {
        StringBuilder sb = new StringBuilder(json.length() - start);
        sb.append(json, start, pos);
        while (true) {
            if (pos >= json.length()) {
                throw new Unreadable("unterminated string");
            }
            char c = json.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (pos + 4 > json.length()) {
                        throw new Unreadable("short \\u escape");
                    }
                    try {
                        sb.append((char) Integer.parseInt(json, pos, pos + 4, 16));
                    } catch (NumberFormatException ex) {
                        throw new Unreadable("bad \\u escape");
                    }
                    pos += 4;
                }
                default -> throw new Unreadable("bad escape");
            }
        }
    }

    private void skipValue() {
        skipBlanks();
        char c = peek();
        switch (c) {
            case '"' -> string();
            case '{', '[' -> {
                char close = c == '{' ? '}' : ']';
                pos++;
                skipBlanks();
                if (peek() == close) {
                    pos++;
                    return;
                }
                while (true) {
                    if (c == '{') {
                        skipBlanks();
                        string();
                        skipBlanks();
                        expect(':');
                    }
                    skipValue();
                    skipBlanks();
                    char d = next();
                    if (d == close) {
                        return;
                    }
                    if (d != ',') {
                        throw new Unreadable("expected , or " + close);
                    }
                }
            }
            default -> {
                // true, false, null or a number: up to the next delimiter
                int start = pos;
                while (pos < json.length() && ",}] \t\r\n".indexOf(json.charAt(pos)) < 0) {
                    pos++;
                }
                if (pos == start) {
                    throw new Unreadable("expected a value");
                }
            }
        }
    }

    private void literal(String word) {
        if (!json.startsWith(word, pos)) {
            throw new Unreadable("expected " + word);
        }
        pos += word.length();
    }

    private void expect(char c) {
        if (next() != c) {
            throw new Unreadable("expected " + c);
        }
    }

    private char next() {
        if (pos >= json.length()) {
            throw new Unreadable("unexpected end");
        }
        return json.charAt(pos++);
    }

    private char peek() {
        if (pos >= json.length()) {
            throw new Unreadable("unexpected end");
        }
        return json.charAt(pos);
    }

    private void skipBlanks() {
        while (pos < json.length()) {
            char c = json.charAt(pos);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            pos++;
        }
    }
}

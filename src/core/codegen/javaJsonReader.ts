// The JSON reader class the dependency-free Java target embeds to read the response.
// Written without any backslash-u sequence: javac would translate it before compiling (see javaString).
export const javaJsonReader = String.raw`/** Just enough JSON for the response: objects, arrays, strings, numbers, true, false, null. */
static final class Json {
    private final String text;
    private int position;

    private Json(String text) {
        this.text = text;
    }

    static Object parse(String text) {
        Json reader = new Json(text);
        Object value = reader.value();
        reader.skipWhitespace();
        if (reader.position != text.length()) throw reader.error("unexpected text after the value");
        return value;
    }

    /** node[key] for an object (String key) or an array (Integer key); null when absent. */
    static Object get(Object node, Object key) {
        if (node instanceof Map && key instanceof String) return ((Map<?, ?>) node).get(key);
        if (node instanceof List && key instanceof Integer) {
            List<?> list = (List<?>) node;
            int index = (Integer) key;
            return index >= 0 && index < list.size() ? list.get(index) : null;
        }
        return null;
    }

    private Object value() {
        skipWhitespace();
        char next = peek();
        if (next == '{') return object();
        if (next == '[') return array();
        if (next == '"') return string();
        if (text.startsWith("true", position)) { position += 4; return Boolean.TRUE; }
        if (text.startsWith("false", position)) { position += 5; return Boolean.FALSE; }
        if (text.startsWith("null", position)) { position += 4; return null; }
        return number();
    }

    private Map<String, Object> object() {
        Map<String, Object> map = new LinkedHashMap<>();
        expect('{');
        skipWhitespace();
        if (peek() == '}') { position++; return map; }
        while (true) {
            skipWhitespace();
            String key = string();
            skipWhitespace();
            expect(':');
            map.put(key, value());
            skipWhitespace();
            if (peek() != ',') break;
            position++;
        }
        expect('}');
        return map;
    }

    private List<Object> array() {
        List<Object> list = new ArrayList<>();
        expect('[');
        skipWhitespace();
        if (peek() == ']') { position++; return list; }
        while (true) {
            list.add(value());
            skipWhitespace();
            if (peek() != ',') break;
            position++;
        }
        expect(']');
        return list;
    }

    private String string() {
        expect('"');
        StringBuilder builder = new StringBuilder();
        while (true) {
            if (position >= text.length()) throw error("unterminated string");
            char next = text.charAt(position++);
            if (next == '"') return builder.toString();
            if (next != '\\') { builder.append(next); continue; }
            char escape = text.charAt(position++);
            if (escape == 'n') builder.append('\n');
            else if (escape == 't') builder.append('\t');
            else if (escape == 'r') builder.append('\r');
            else if (escape == 'b') builder.append('\b');
            else if (escape == 'f') builder.append('\f');
            else if (escape == 'u') {
                builder.append((char) Integer.parseInt(text.substring(position, position + 4), 16));
                position += 4;
            } else builder.append(escape); // the quote, backslash and slash escapes
        }
    }

    private Double number() {
        int start = position;
        while (position < text.length() && "+-0123456789.eE".indexOf(text.charAt(position)) >= 0) position++;
        if (start == position) throw error("unexpected character");
        return Double.valueOf(text.substring(start, position));
    }

    private char peek() {
        return position < text.length() ? text.charAt(position) : '\0';
    }

    private void expect(char expected) {
        if (peek() != expected) throw error("expected " + expected);
        position++;
    }

    private void skipWhitespace() {
        while (position < text.length() && " \t\r\n".indexOf(text.charAt(position)) >= 0) position++;
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException("Bad JSON at character " + position + ": " + problem);
    }
}`;

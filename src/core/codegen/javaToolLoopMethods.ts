// The fixed Java methods of the HttpClient tool loop (javaToolLoop.ts): reading a reply into one assistant message
// (streamed pieces joined by index), and writing JSON back. Written without any backslash-u sequence: javac would
// translate it before compiling (see javaString).

/** `ask(client, request)` for a streamed body: prints the reasoning as it arrives, returns the whole message. */
export const javaAskStreaming = String.raw`/** Sends the request; prints the reasoning as it streams and returns the reply as one assistant message. */
static Map<String, Object> ask(HttpClient client, HttpRequest request) throws Exception {
    HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());
    if (response.statusCode() != 200) {
        System.err.println("HTTP " + response.statusCode());
        System.exit(1);
    }
    StringBuilder reasoning = new StringBuilder();
    StringBuilder content = new StringBuilder();
    Map<Integer, Map<String, Object>> calls = new TreeMap<>();
    Iterator<String> iterator = response.body().iterator();
    while (iterator.hasNext()) {
        String line = iterator.next();
        if (!line.startsWith("data:")) continue;
        String data = line.substring(5).trim();
        if (data.equals("[DONE]")) break;
        Object chunk = Json.parse(data);
        if (Json.get(chunk, "error") != null) {
            System.err.println("\nError: " + data);
            System.exit(1);
        }
        Object delta = Json.get(Json.get(Json.get(chunk, "choices"), 0), "delta");
        Object piece = Json.get(delta, "reasoning_content");
        if (piece instanceof String) {
            reasoning.append(piece);
            OUT.print(piece);
            OUT.flush();
        }
        Object text = Json.get(delta, "content");
        if (text instanceof String) content.append(text);
        Object toolCalls = Json.get(delta, "tool_calls");
        if (!(toolCalls instanceof List)) continue;
        // Tool-call pieces are joined by index; the first piece of an index has its id and name.
        for (Object call : (List<?>) toolCalls) {
            Object index = Json.get(call, "index");
            Map<String, Object> whole = calls.computeIfAbsent(index instanceof Number ? ((Number) index).intValue() : 0, key -> newCall());
            if (whole.get("id") == null) whole.put("id", Json.get(call, "id"));
            @SuppressWarnings("unchecked")
            Map<String, Object> function = (Map<String, Object>) whole.get("function");
            if (function.get("name") == null) function.put("name", Json.get(Json.get(call, "function"), "name"));
            Object arguments = Json.get(Json.get(call, "function"), "arguments");
            if (arguments instanceof String) function.put("arguments", function.get("arguments") + (String) arguments);
        }
    }
    if (reasoning.length() > 0) OUT.println();
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("role", "assistant");
    message.put("content", content.toString());
    // Interleaved thinking: the reasoning goes back with the tool results.
    if (reasoning.length() > 0) message.put("reasoning_content", reasoning.toString());
    if (!calls.isEmpty()) message.put("tool_calls", new ArrayList<Object>(calls.values()));
    return message;
}

/** An empty tool call that streamed pieces fill in. */
static Map<String, Object> newCall() {
    Map<String, Object> function = new LinkedHashMap<>();
    function.put("name", null);
    function.put("arguments", "");
    Map<String, Object> call = new LinkedHashMap<>();
    call.put("id", null);
    call.put("type", "function");
    call.put("function", function);
    return call;
}`;

/** `ask(client, request)` for a complete reply: prints the reasoning, returns the message as received. */
export const javaAskComplete = String.raw`/** Sends the request and returns the assistant message as received. */
@SuppressWarnings("unchecked")
static Map<String, Object> ask(HttpClient client, HttpRequest request) throws Exception {
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() != 200) {
        System.err.println("HTTP " + response.statusCode() + ": " + response.body());
        System.exit(1);
    }
    Object message = Json.get(Json.get(Json.get(Json.parse(response.body()), "choices"), 0), "message");
    Object reasoning = Json.get(message, "reasoning_content");
    if (reasoning instanceof String && !((String) reasoning).isEmpty()) OUT.println(reasoning);
    return (Map<String, Object>) message;
}`;

/** Methods added to the Json class: the body goes out again with the new messages. */
export const javaJsonWriter = String.raw`
    /** The value as JSON text; numbers without a fraction are written as integers, as the app writes them. */
    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String) {
            writeString((String) value, out);
        } else if (value instanceof Double) {
            double number = (Double) value;
            if (number == Math.rint(number) && Math.abs(number) < 1e15) out.append((long) number);
            else out.append(number);
        } else if (value instanceof Map) {
            out.append('{');
            String separator = "";
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                out.append(separator);
                separator = ",";
                writeString(String.valueOf(entry.getKey()), out);
                out.append(':');
                write(entry.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List) {
            out.append('[');
            String separator = "";
            for (Object item : (List<?>) value) {
                out.append(separator);
                separator = ",";
                write(item, out);
            }
            out.append(']');
        } else {
            out.append(value);
        }
    }

    private static void writeString(String text, StringBuilder out) {
        out.append('"');
        for (int index = 0; index < text.length(); index++) {
            char character = text.charAt(index);
            if (character == '"' || character == '\\') out.append('\\').append(character);
            else if (character == '\n') out.append("\\n");
            else if (character < 0x20) out.append('\\').append('u').append(String.format("%04x", (int) character));
            else out.append(character);
        }
        out.append('"');
    }
}`;

package dev.rvm.models.tfjs;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One node of a TensorFlow.js graph model as written in model.json. Inputs are tensor references
 * ("node" = port 0, "node:1" = port 1); control dependencies ("^node") are kept apart because they
 * carry no data.
 */
public record TfjsNode(String name, String op, List<String> inputs, List<String> controlInputs, JsonNode attrs) {

    static TfjsNode fromJson(JsonNode json) {
        List<String> data = new ArrayList<>();
        List<String> control = new ArrayList<>();
        for (JsonNode in : json.path("input")) {
            String ref = in.asText();
            if (ref.startsWith("^")) {
                control.add(ref.substring(1));
            } else {
                data.add(ref);
            }
        }
        return new TfjsNode(json.path("name").asText(), json.path("op").asText(), List.copyOf(data),
                List.copyOf(control), json.path("attr"));
    }

    public String input(int i) {
        return inputs.get(i);
    }

    public boolean hasAttr(String key) {
        return attrs.has(key);
    }

    /** A string attribute (stored base64-encoded in model.json). */
    public String stringAttr(String key) {
        JsonNode v = attrs.path(key).path("s");
        return v.isMissingNode() ? null : new String(Base64.getDecoder().decode(v.asText()), StandardCharsets.UTF_8);
    }

    public long intAttr(String key, long fallback) {
        JsonNode v = attrs.path(key).path("i");
        return v.isMissingNode() ? fallback : Long.parseLong(v.asText());
    }

    public boolean boolAttr(String key, boolean fallback) {
        JsonNode v = attrs.path(key).path("b");
        return v.isMissingNode() ? fallback : v.asBoolean();
    }

    public float floatAttr(String key, float fallback) {
        JsonNode v = attrs.path(key).path("f");
        return v.isMissingNode() ? fallback : (float) v.asDouble();
    }

    public String typeAttr(String key) {
        JsonNode v = attrs.path(key).path("type");
        return v.isMissingNode() ? null : v.asText();
    }

    public long[] intListAttr(String key) {
        JsonNode list = attrs.path(key).path("list").path("i");
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Long.parseLong(list.get(i).asText());
        }
        return out;
    }

    public List<String> stringListAttr(String key) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : attrs.path(key).path("list").path("s")) {
            out.add(new String(Base64.getDecoder().decode(s.asText()), StandardCharsets.UTF_8));
        }
        return out;
    }

    /** Splits a tensor reference into node name and output port. */
    public static String nodeOf(String ref) {
        int colon = ref.lastIndexOf(':');
        return colon < 0 ? ref : ref.substring(0, colon);
    }

    public static int portOf(String ref) {
        int colon = ref.lastIndexOf(':');
        return colon < 0 ? 0 : Integer.parseInt(ref.substring(colon + 1));
    }
}

package dev.rvm.training.data;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rvm.matting.files.InvalidInputException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Streams the top-level arrays of an annotation file element by element: COCO's instances files
 * are hundreds of megabytes, far more as one tree than the few fields kept of each element.
 */
final class JsonArrays {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonArrays() {
    }

    /** Calls the consumer registered for a top-level field with each element of that array. */
    static void stream(Path file, Map<String, Consumer<JsonNode>> consumers) {
        try (JsonParser p = MAPPER.getFactory().createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidInputException(file + " is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.getCurrentName();
                JsonToken value = p.nextToken();
                Consumer<JsonNode> consumer = consumers.get(field);
                if (consumer != null && value == JsonToken.START_ARRAY) {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        consumer.accept(MAPPER.readTree(p));
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new InvalidInputException("cannot read annotations " + file + ": " + e.getMessage());
        }
    }
}

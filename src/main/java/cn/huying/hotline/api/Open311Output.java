package cn.huying.hotline.api;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open311 documents in both formats from one description, the way the GeoReport v2 spec maps them
 * (its "Spark convention"): a map is an element with child elements in XML and an object in JSON;
 * {@link Items} is an element holding one element per item in XML and an array in JSON. A key that
 * is absent is not written; a {@code null} value is an empty element and a JSON {@code null}.
 * XML is written by a {@link XMLStreamWriter}, which escapes all text; characters XML 1.0 cannot
 * carry are dropped.
 */
final class Open311Output {

    /** The formats of the spec: XML (required), JSON. */
    enum Format {
        XML("text/xml; charset=utf-8"), JSON("application/json; charset=utf-8");

        private final String contentType;

        Format(String contentType) {
            this.contentType = contentType;
        }

        /** {@code xml} or {@code json}, in any case; {@code null} for anything else. */
        static Format of(String name) {
            if (name == null) {
                return null;
            }
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "xml" -> XML;
                case "json" -> JSON;
                default -> null;
            };
        }

        /** The format named by the suffix of a request path ({@code /services.json}); XML when there is none. */
        static Format ofPath(String path) {
            int slash = path == null ? -1 : path.lastIndexOf('/');
            int dot = path == null ? -1 : path.lastIndexOf('.');
            Format f = dot > slash ? of(path.substring(dot + 1)) : null;
            return f == null ? XML : f;
        }
    }

    /** A list: {@code <name><item>…</item>…</name>} in XML, an array in JSON. */
    record Items(String itemName, List<?> items) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final XMLOutputFactory XML_OUT = XMLOutputFactory.newFactory();

    private Open311Output() {
    }

    /** An ordered map, for the fields of one element. */
    static Map<String, Object> fields() {
        return new LinkedHashMap<>();
    }

    /** Puts a field only when it has a value ("may not be returned" in the spec). */
    static void putPresent(Map<String, Object> fields, String name, Object value) {
        if (value != null) {
            fields.put(name, value);
        }
    }

    static ResponseEntity<byte[]> render(HttpStatus status, Format format, String root, Object body) {
        byte[] bytes = format == Format.JSON ? json(body) : xml(root, body);
        return ResponseEntity.status(status).header(HttpHeaders.CONTENT_TYPE, format.contentType).body(bytes);
    }

    static byte[] json(Object body) {
        return JSON.writeValueAsBytes(jsonTree(body));
    }

    private static Object jsonTree(Object value) {
        if (value instanceof Items items) {
            List<Object> out = new ArrayList<>();
            items.items().forEach(i -> out.add(jsonTree(i)));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), jsonTree(v)));
            return out;
        }
        return value;
    }

    static byte[] xml(String root, Object body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XML_OUT.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            element(w, root, body);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter w, String name, Object value) throws XMLStreamException {
        if (value == null) {
            w.writeEmptyElement(name);
            return;
        }
        w.writeStartElement(name);
        if (value instanceof Items items) {
            for (Object item : items.items()) {
                element(w, items.itemName(), item);
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                element(w, String.valueOf(e.getKey()), e.getValue());
            }
        } else {
            w.writeCharacters(xmlText(String.valueOf(value)));
        }
        w.writeEndElement();
    }

    /** Drops the characters XML 1.0 cannot carry (control characters, unpaired surrogates). */
    static String xmlText(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().filter(cp -> cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                        || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF))
                .forEach(sb::appendCodePoint);
        return sb.toString();
    }
}

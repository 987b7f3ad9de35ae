package cn.huying.cases.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * What is inside an attachment whose type is allowed (issue 22): a Word or Excel file must be an Office document
 * (a ZIP with {@code [Content_Types].xml}), with no programs inside and not a ZIP bomb; a PDF may not carry
 * JavaScript or launch actions; an image may not declare more pixels than a phone takes. The checks read headers and
 * count bytes; nothing is decoded or executed. Each answers the message key of its refusal, or null.
 */
final class AttachmentContent {

    /** A phone photo is 12–50 megapixels; 20000×20000 would take 1.6 GB to decode. */
    static final long MAX_PIXELS = 60_000_000L;
    static final int MAX_SIDE = 12_000;
    /** An Office document's parts, unpacked; a 10 MB upload that unpacks to more is a ZIP bomb. */
    static final long MAX_UNPACKED = 100L * 1024 * 1024;
    static final int MAX_ENTRIES = 5_000;

    private static final Set<String> PROGRAMS = Set.of("exe", "dll", "com", "bat", "cmd", "scr", "msi", "ps1", "vbs",
            "js", "jse", "wsf", "hta", "jar", "sh", "lnk", "apk", "elf", "bin");
    /** PDF names of actions that run something, as written or with any letter in #xx hex. */
    private static final Pattern PDF_ACTIONS = Pattern.compile(
            "/(J|#4[aA])(S|#53)(?![A-Za-z#])|/(J|#4[aA])(a|#61)(v|#76)(a|#61)(S|#53)|/(L|#4[cC])(a|#61)(u|#75)(n|#6[eE])(c|#63)(h|#68)");

    private AttachmentContent() {
    }

    static String problem(String contentType, byte[] bytes) {
        return switch (contentType) {
            case "application/pdf" -> pdf(bytes);
            case "image/jpeg", "image/png" -> pixels(imageSize(bytes));
            case "image/webp" -> pixels(webpSize(bytes));
            default -> contentType.startsWith("application/vnd.openxmlformats") ? office(bytes) : null;
        };
    }

    private static String pdf(byte[] bytes) {
        return PDF_ACTIONS.matcher(new String(bytes, StandardCharsets.ISO_8859_1)).find() ? "attachment.pdf.active" : null;
    }

    private static String pixels(long[] size) {
        if (size == null) {
            return "attachment.image.unreadable";
        }
        return size[0] > MAX_SIDE || size[1] > MAX_SIDE || size[0] * size[1] > MAX_PIXELS ? "attachment.image.too-large"
                : null;
    }

    /** Width and height from the header (ImageIO reads them without decoding the picture). */
    private static long[] imageSize(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new long[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Width and height of a WebP (RIFF header, then a VP8X, VP8 or VP8L chunk). */
    static long[] webpSize(byte[] b) {
        if (b.length < 30) {
            return null;
        }
        String chunk = new String(b, 12, 4, StandardCharsets.US_ASCII);
        return switch (chunk) {
            case "VP8X" -> new long[] {1 + u24(b, 24), 1 + u24(b, 27)};
            case "VP8 " -> new long[] {u16(b, 26) & 0x3FFF, u16(b, 28) & 0x3FFF};
            case "VP8L" -> {
                long bits = (b[21] & 0xFFL) | (b[22] & 0xFFL) << 8 | (b[23] & 0xFFL) << 16 | (b[24] & 0xFFL) << 24;
                yield new long[] {1 + (bits & 0x3FFF), 1 + (bits >> 14 & 0x3FFF)};
            }
            default -> null;
        };
    }

    private static long u24(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16;
    }

    private static long u16(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8;
    }

    /** Walks the parts, counting the bytes really unpacked (a bomb may declare small sizes). */
    private static String office(byte[] bytes) {
        boolean contentTypes = false;
        long unpacked = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    return "attachment.office.bomb";
                }
                String name = e.getName();
                int dot = name.lastIndexOf('.');
                String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
                if (PROGRAMS.contains(ext) || name.contains("..")) {
                    return "attachment.office.program";
                }
                contentTypes |= "[Content_Types].xml".equals(name);
                for (int n = read(zip, buffer); n > 0; n = read(zip, buffer)) {
                    unpacked += n;
                    if (unpacked > MAX_UNPACKED) {
                        return "attachment.office.bomb";
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return "attachment.office.invalid";
        }
        return contentTypes ? null : "attachment.office.invalid";
    }

    private static int read(InputStream in, byte[] buffer) throws IOException {
        return in.read(buffer);
    }
}

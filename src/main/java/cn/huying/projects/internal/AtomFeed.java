package cn.huying.projects.internal;

import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.stereotype.Component;

/**
 * The Atom feed (RFC 4287) of the disclosures, so media sites and the public can follow the projects: one entry per
 * disclosed step result, newest first. Written with the JDK's StAX writer, so every text is escaped.
 */
@Component
public class AtomFeed {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final int ENTRIES = 50;

    private final ProjectQueries queries;

    AtomFeed(ProjectQueries queries) {
        this.queries = queries;
    }

    /** The feed for a site at {@code base} (e.g. {@code https://huying.example.cn}). */
    public String feed(String base, Instant now) {
        List<ProjectQueries.Disclosure> entries = queries.latestDisclosures(ENTRIES);
        Instant updated = entries.isEmpty() ? now : entries.get(0).disclosedAt();
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("feed");
            x.writeDefaultNamespace(ATOM);
            element(x, "title", "阳光推介 · 重大项目信息公开");
            element(x, "subtitle", "重大项目资源“阳光八步”各环节结果公开");
            element(x, "id", base + "/public/projects");
            element(x, "updated", DateTimeFormatter.ISO_INSTANT.format(updated));
            link(x, "self", base + "/public/projects/feed.atom", "application/atom+xml");
            link(x, "alternate", base + "/public/projects", "text/html");
            x.writeStartElement("author");
            element(x, "name", "阳光推介平台");
            x.writeEndElement();
            for (ProjectQueries.Disclosure d : entries) {
                x.writeStartElement("entry");
                element(x, "title", d.projectCode() + " " + d.projectName() + "：" + d.step().label() + "结果公开");
                element(x, "id", base + "/public/projects/" + d.projectId() + "#" + d.step().name());
                element(x, "updated", DateTimeFormatter.ISO_INSTANT.format(d.disclosedAt()));
                element(x, "published", DateTimeFormatter.ISO_INSTANT.format(d.disclosedAt()));
                link(x, "alternate", base + "/public/projects/" + d.projectId(), "text/html");
                x.writeStartElement("category");
                x.writeAttribute("term", d.step().name());
                x.writeAttribute("label", d.step().label());
                x.writeEndElement();
                x.writeStartElement("summary");
                x.writeAttribute("type", "text");
                x.writeCharacters(d.text());
                x.writeEndElement();
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Atom feed not written", e);
        }
    }

    private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(text);
        x.writeEndElement();
    }

    private static void link(XMLStreamWriter x, String rel, String href, String type) throws XMLStreamException {
        x.writeEmptyElement("link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("href", href);
        x.writeAttribute("type", type);
    }
}

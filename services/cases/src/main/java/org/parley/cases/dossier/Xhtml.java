package org.parley.cases.dossier;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * An XHTML document built as a DOM, handed to the renderer as it is. Every value goes in as a text node, never as
 * markup to be parsed, so nothing a case holds can become an element, an attribute or a style: a title of
 * {@code <b>x</b>} prints those characters. Element names, classes and styles are this package's own constants and
 * computed numbers only.
 */
final class Xhtml {

    static final String NAMESPACE = "http://www.w3.org/1999/xhtml";

    private final Document document;

    private Xhtml(Document document) {
        this.document = document;
    }

    /** A new document whose root is {@code <html lang="…">}. */
    static Xhtml create(String language) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder().newDocument();
            Element html = document.createElementNS(NAMESPACE, "html");
            html.setAttribute("lang", language);
            document.appendChild(html);
            return new Xhtml(document);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no DOM for a dossier", e);
        }
    }

    Document document() {
        return document;
    }

    Element root() {
        return document.getDocumentElement();
    }

    /** A new element at the end of {@code parent}, with a class when {@code cssClass} is not null. */
    Element add(Node parent, String name, String cssClass) {
        Element element = document.createElementNS(NAMESPACE, name);
        if (cssClass != null) {
            element.setAttribute("class", cssClass);
        }
        parent.appendChild(element);
        return element;
    }

    Element add(Node parent, String name) {
        return add(parent, name, null);
    }

    /** A new element holding {@code text} as text. */
    Element text(Node parent, String name, String cssClass, String text) {
        Element element = add(parent, name, cssClass);
        append(element, text);
        return element;
    }

    Element text(Node parent, String name, String text) {
        return text(parent, name, null, text);
    }

    /** {@code text} at the end of {@code parent}, as text (null adds nothing). */
    void append(Node parent, String text) {
        if (text != null && !text.isEmpty()) {
            parent.appendChild(document.createTextNode(text));
        }
    }
}

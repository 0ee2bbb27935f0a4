package org.quorum.infrastructure.camunda;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** The Camunda extension properties ({@code <camunda:properties>}) of a BPMN element, as parse listeners see it. */
public final class ExtensionProperties {

    private ExtensionProperties() {
    }

    public static Map<String, String> of(Element element) {
        Map<String, String> values = new LinkedHashMap<>();
        Element extensions = element.element("extensionElements");
        Element properties = extensions == null ? null
                : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
        if (properties != null) {
            for (Element property : properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
                values.put(property.attribute("name"), property.attribute("value"));
            }
        }
        return values;
    }
}

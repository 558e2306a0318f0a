package com.ordertracking.local.cloud.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed SAM/CloudFormation template: intrinsics in long form, {@code Globals} already merged into each
 * serverless resource, and SAM's implicit {@code ServerlessHttpApi} added when an {@code HttpApi} event has no
 * {@code ApiId}. Nothing is resolved here; see {@link TemplateResolver} and {@link TemplateModel}.
 *
 * <p>Not modified after loading; treat the {@link JsonNode}s it hands out as read-only.
 */
public final class SamTemplate {

    public static final String IMPLICIT_HTTP_API = "ServerlessHttpApi";

    /** Globals sections and the resource type each applies to. */
    private static final Map<String, String> GLOBAL_SECTIONS = Map.of(
            "Function", "AWS::Serverless::Function",
            "HttpApi", "AWS::Serverless::HttpApi",
            "Api", "AWS::Serverless::Api",
            "SimpleTable", "AWS::Serverless::SimpleTable",
            "StateMachine", "AWS::Serverless::StateMachine",
            "LayerVersion", "AWS::Serverless::LayerVersion");

    private final ObjectNode root;
    private final Map<String, Resource> resources;
    private final Map<String, Parameter> parameters;

    private SamTemplate(ObjectNode root) {
        this.root = root;
        this.parameters = readParameters(root.path("Parameters"));
        this.resources = readResources(root);
    }

    public static SamTemplate load(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read template " + file, e);
        }
    }

    public static SamTemplate parse(String yaml) {
        if (!(CfnYaml.read(yaml) instanceof ObjectNode root)) {
            throw new TemplateException("Template must be a YAML mapping");
        }
        if (!root.path("Resources").isObject()) {
            throw new TemplateException("Template has no Resources section");
        }
        applyGlobals(root);
        return new SamTemplate(root);
    }

    /** A resource as written (after Globals merge): properties still contain intrinsics. */
    public record Resource(String logicalId, String type, JsonNode properties, Optional<String> condition) {
        /** Raw property value, {@link MissingNode} when absent. */
        public JsonNode property(String name) {
            return properties.path(name);
        }
    }

    /** A declared parameter; {@code type} is the CloudFormation type such as {@code String} or {@code Number}. */
    public record Parameter(String name, String type, Optional<String> defaultValue, List<String> allowedValues) {}

    /** All resources in template order. */
    public Map<String, Resource> resources() {
        return resources;
    }

    public Optional<Resource> resource(String logicalId) {
        return Optional.ofNullable(resources.get(logicalId));
    }

    public Map<String, Parameter> parameters() {
        return parameters;
    }

    public JsonNode mappings() {
        return root.path("Mappings").deepCopy();
    }

    public JsonNode conditions() {
        return root.path("Conditions").deepCopy();
    }

    public JsonNode outputs() {
        return root.path("Outputs").deepCopy();
    }

    /** The whole template tree (a copy), Globals merged. */
    public JsonNode root() {
        return root.deepCopy();
    }

    private static Map<String, Parameter> readParameters(JsonNode node) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        node.properties().forEach(e -> {
            JsonNode p = e.getValue();
            List<String> allowed = new ArrayList<>();
            p.path("AllowedValues").forEach(v -> allowed.add(v.asText()));
            JsonNode def = p.get("Default");
            out.put(e.getKey(), new Parameter(e.getKey(), p.path("Type").asText("String"),
                    def == null || def.isNull() ? Optional.empty() : Optional.of(scalarOrList(def)),
                    List.copyOf(allowed)));
        });
        return Collections.unmodifiableMap(out);
    }

    private static String scalarOrList(JsonNode node) {
        if (!node.isArray()) {
            return node.asText();
        }
        List<String> parts = new ArrayList<>();
        node.forEach(n -> parts.add(n.asText()));
        return String.join(",", parts);
    }

    private static Map<String, Resource> readResources(ObjectNode root) {
        Map<String, Resource> out = new LinkedHashMap<>();
        root.path("Resources").properties().forEach(e -> {
            JsonNode r = e.getValue();
            if (!r.path("Type").isTextual()) {
                throw new TemplateException("Resource " + e.getKey() + " has no Type");
            }
            JsonNode props = r.path("Properties").isObject() ? r.path("Properties") : JsonNodeFactory.instance.objectNode();
            out.put(e.getKey(), new Resource(e.getKey(), r.path("Type").asText(), props,
                    Optional.ofNullable(r.path("Condition").textValue())));
        });
        return Collections.unmodifiableMap(out);
    }

    private static void applyGlobals(ObjectNode root) {
        JsonNode globals = root.path("Globals");
        ObjectNode resources = (ObjectNode) root.get("Resources");
        addImplicitHttpApi(resources);
        for (var section : GLOBAL_SECTIONS.entrySet()) {
            if (!(globals.get(section.getKey()) instanceof ObjectNode global)) {
                continue;
            }
            resources.properties().forEach(e -> {
                if (e.getValue() instanceof ObjectNode res && section.getValue().equals(res.path("Type").asText())) {
                    ObjectNode props = res.get("Properties") instanceof ObjectNode p ? p : res.putObject("Properties");
                    res.set("Properties", merge(global, props));
                }
            });
        }
    }

    /** SAM creates this API when an HttpApi event names no ApiId; routes attach to it. */
    private static void addImplicitHttpApi(ObjectNode resources) {
        if (resources.has(IMPLICIT_HTTP_API)) {
            return;
        }
        boolean needed = false;
        for (JsonNode res : resources) {
            if ("AWS::Serverless::Function".equals(res.path("Type").asText())) {
                for (JsonNode event : res.path("Properties").path("Events")) {
                    needed |= "HttpApi".equals(event.path("Type").asText()) && !event.path("Properties").has("ApiId");
                }
            }
        }
        if (needed) {
            ObjectNode api = resources.putObject(IMPLICIT_HTTP_API);
            api.put("Type", "AWS::Serverless::HttpApi");
            api.putObject("Properties");
        }
    }

    /**
     * SAM's Globals rules: the resource's scalar wins, maps merge key-wise (recursively), lists are
     * concatenated with global entries first.
     */
    static JsonNode merge(JsonNode global, JsonNode local) {
        if (local == null || local.isMissingNode()) {
            return global.deepCopy();
        }
        if (global instanceof ObjectNode g && local instanceof ObjectNode l && !isIntrinsic(g) && !isIntrinsic(l)) {
            ObjectNode out = g.deepCopy();
            l.properties().forEach(e -> out.set(e.getKey(), merge(g.path(e.getKey()), e.getValue())));
            return out;
        }
        if (global instanceof ArrayNode g && local instanceof ArrayNode l) {
            ArrayNode out = g.deepCopy();
            out.addAll(l.deepCopy());
            return out;
        }
        return local.deepCopy();
    }

    static boolean isIntrinsic(JsonNode node) {
        if (!node.isObject() || node.size() != 1) {
            return false;
        }
        String key = node.fieldNames().next();
        return key.equals("Ref") || key.startsWith("Fn::");
    }
}

package com.ordertracking.local.cloud.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads CloudFormation YAML into a Jackson tree, rewriting short-form tags into their long forms
 * ({@code !Sub x} becomes {@code {"Fn::Sub": x}}, {@code !Ref x} becomes {@code {"Ref": x}}), so the
 * resolver only ever sees the JSON shape. SnakeYAML is used directly because Jackson's YAML parser drops
 * tags on scalars inside sequences.
 */
final class CfnYaml {

    static final List<String> FUNCTIONS = List.of(
            "Base64", "Cidr", "And", "Equals", "If", "Not", "Or", "FindInMap", "GetAtt", "GetAZs",
            "ImportValue", "Join", "Select", "Split", "Sub", "Transform", "Length", "ToJsonString");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CfnYaml() {}

    static JsonNode read(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false); // CloudFormation rejects duplicates; fail early too
        options.setCodePointLimit(Integer.MAX_VALUE);
        try {
            Object tree = new Yaml(new CfnConstructor(options)).load(yaml);
            return MAPPER.valueToTree(tree);
        } catch (YAMLException e) {
            throw new TemplateException("Invalid template YAML: " + e.getMessage(), e);
        }
    }

    private static final class CfnConstructor extends SafeConstructor {
        CfnConstructor(LoaderOptions options) {
            super(options);
            for (String fn : FUNCTIONS) {
                yamlConstructors.put(new Tag("!" + fn), new Intrinsic("Fn::" + fn));
            }
            yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
            // AWSTemplateFormatVersion: 2010-09-09 must stay a string, not a java.util.Date.
            yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String key;

            Intrinsic(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Object value = switch (node) {
                    case ScalarNode s -> constructScalar(s);
                    case SequenceNode s -> constructSequence(s);
                    case MappingNode m -> constructMapping(m);
                    default -> throw new YAMLException("Unsupported node for " + key + ": " + node);
                };
                // !GetAtt Resource.Attribute is the same as [Resource, Attribute]; attributes may contain dots.
                if (key.equals("Fn::GetAtt") && value instanceof String s) {
                    int dot = s.indexOf('.');
                    if (dot < 0) {
                        throw new YAMLException("!GetAtt needs Resource.Attribute, got '" + s + "'");
                    }
                    value = List.of(s.substring(0, dot), s.substring(dot + 1));
                }
                return Map.of(key, value);
            }
        }
    }
}

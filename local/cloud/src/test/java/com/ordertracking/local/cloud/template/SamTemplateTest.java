package com.ordertracking.local.cloud.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class SamTemplateTest {

    @Test
    void short_form_tags_become_long_form() {
        SamTemplate t = SamTemplate.parse("""
                Resources:
                  R:
                    Type: Custom::Thing
                    Properties:
                      A: !Ref Foo
                      B: !GetAtt Res.Attr.Nested
                      C: !GetAtt [Res, Attr]
                      D: !Sub "x-${Foo}"
                      E: !Sub ["${a}", {a: !Ref Foo}]
                      F: !Join ["-", [!Ref A, b]]
                      G: !Select [0, !Split [",", "a,b"]]
                      H: !If [Cond, !Base64 x, !GetAZs ""]
                      I: !Equals [a, b]
                      J: !Not [!Condition C]
                      K: !And [!Or [!Condition A, !Condition B], !Condition C]
                      L: !FindInMap [M, K1, K2]
                      N: !ImportValue shared-export
                      O: {"Fn::Sub": "long"}
                """);
        JsonNode p = t.resource("R").orElseThrow().properties();
        assertThat(p.get("A").toString()).isEqualTo("{\"Ref\":\"Foo\"}");
        assertThat(p.get("B").toString()).isEqualTo("{\"Fn::GetAtt\":[\"Res\",\"Attr.Nested\"]}");
        assertThat(p.get("C").toString()).isEqualTo("{\"Fn::GetAtt\":[\"Res\",\"Attr\"]}");
        assertThat(p.get("D").toString()).isEqualTo("{\"Fn::Sub\":\"x-${Foo}\"}");
        assertThat(p.get("E").toString()).isEqualTo("{\"Fn::Sub\":[\"${a}\",{\"a\":{\"Ref\":\"Foo\"}}]}");
        assertThat(p.get("F").toString()).isEqualTo("{\"Fn::Join\":[\"-\",[{\"Ref\":\"A\"},\"b\"]]}");
        assertThat(p.get("G").toString()).isEqualTo("{\"Fn::Select\":[0,{\"Fn::Split\":[\",\",\"a,b\"]}]}");
        assertThat(p.get("H").toString()).isEqualTo("{\"Fn::If\":[\"Cond\",{\"Fn::Base64\":\"x\"},{\"Fn::GetAZs\":\"\"}]}");
        assertThat(p.get("I").toString()).isEqualTo("{\"Fn::Equals\":[\"a\",\"b\"]}");
        assertThat(p.get("J").toString()).isEqualTo("{\"Fn::Not\":[{\"Condition\":\"C\"}]}");
        assertThat(p.get("K").toString()).isEqualTo(
                "{\"Fn::And\":[{\"Fn::Or\":[{\"Condition\":\"A\"},{\"Condition\":\"B\"}]},{\"Condition\":\"C\"}]}");
        assertThat(p.get("L").toString()).isEqualTo("{\"Fn::FindInMap\":[\"M\",\"K1\",\"K2\"]}");
        assertThat(p.get("N").toString()).isEqualTo("{\"Fn::ImportValue\":\"shared-export\"}");
        assertThat(p.get("O").toString()).isEqualTo("{\"Fn::Sub\":\"long\"}");
    }

    @Test
    void keeps_template_version_as_string() {
        assertThat(Fixtures.fixture().root().get("AWSTemplateFormatVersion").asText()).isEqualTo("2010-09-09");
    }

    @Test
    void reads_parameters_with_defaults_and_allowed_values() {
        var params = Fixtures.fixture().parameters();
        assertThat(params.get("Stage").defaultValue()).contains("local");
        assertThat(params.get("Stage").allowedValues()).containsExactly("local", "dev", "prod");
        assertThat(params.get("AllowedOrigins").type()).isEqualTo("CommaDelimitedList");
    }

    @Test
    void merges_function_globals() {
        SamTemplate t = Fixtures.fixture();
        JsonNode create = t.resource("CreateOrderFunction").orElseThrow().properties();
        assertThat(create.get("Runtime").asText()).isEqualTo("java21");
        assertThat(create.get("MemorySize").asInt()).isEqualTo(512);
        assertThat(create.get("Timeout").asInt()).as("function value wins").isEqualTo(30);
        JsonNode vars = create.get("Environment").get("Variables");
        assertThat(vars.get("LOG_LEVEL").asText()).as("function value wins").isEqualTo("DEBUG");
        assertThat(vars.has("STAGE")).as("global key merged").isTrue();
        assertThat(vars.has("QUEUE_URL")).isTrue();
        // Lists are concatenated, global entries first (SAM's rule).
        assertThat(create.get("Architectures").toString()).isEqualTo("[\"arm64\",\"x86_64\"]");

        JsonNode plain = t.resource("PlainLambda").orElseThrow().properties();
        assertThat(plain.has("MemorySize")).as("Globals only apply to serverless functions").isFalse();
    }

    @Test
    void merges_http_api_globals_and_adds_implicit_api() {
        SamTemplate t = Fixtures.fixture();
        assertThat(t.resource("OrdersApi").orElseThrow().properties().has("CorsConfiguration")).isTrue();
        SamTemplate.Resource implicit = t.resource(SamTemplate.IMPLICIT_HTTP_API).orElseThrow();
        assertThat(implicit.type()).isEqualTo("AWS::Serverless::HttpApi");
        assertThat(implicit.properties().path("CorsConfiguration").path("MaxAge").asInt()).isEqualTo(600);
    }

    @Test
    void no_implicit_api_when_every_route_names_its_api() {
        SamTemplate t = SamTemplate.parse("""
                Resources:
                  Api: {Type: AWS::Serverless::HttpApi}
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Events:
                        E: {Type: HttpApi, Properties: {ApiId: !Ref Api, Path: /x, Method: GET}}
                """);
        assertThat(t.resource(SamTemplate.IMPLICIT_HTTP_API)).isEmpty();
    }

    @Test
    void rejects_broken_templates() {
        assertThatThrownBy(() -> SamTemplate.parse("Resources: [")).isInstanceOf(TemplateException.class);
        assertThatThrownBy(() -> SamTemplate.parse("Foo: 1")).hasMessageContaining("no Resources");
        assertThatThrownBy(() -> SamTemplate.parse("Resources:\n  A: {Properties: {}}")).hasMessageContaining("A has no Type");
        assertThatThrownBy(() -> SamTemplate.parse("Resources:\n  A: {Type: X}\n  A: {Type: Y}"))
                .isInstanceOf(TemplateException.class);
        assertThatThrownBy(() -> SamTemplate.parse("Resources:\n  A: {Type: X, Properties: {B: !GetAtt NoDot}}"))
                .isInstanceOf(TemplateException.class).hasMessageContaining("NoDot");
    }
}

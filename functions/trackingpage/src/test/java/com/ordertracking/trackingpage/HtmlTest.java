package com.ordertracking.trackingpage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void markup_characters_become_entities() {
        assertThat(Html.escape("<script>alert('x')</script>"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(Html.escape("\"><img src=x onerror=alert(1)>"))
                .isEqualTo("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
        assertThat(Html.escape("Tom & Jerry &amp;")).isEqualTo("Tom &amp; Jerry &amp;amp;");
    }

    @Test
    void null_is_empty_and_plain_text_is_unchanged() {
        assertThat(Html.escape(null)).isEmpty();
        assertThat(Html.escape("São Paulo, BR · 1Z999AA1")).isEqualTo("São Paulo, BR · 1Z999AA1");
    }

    @Test
    void control_characters_are_replaced_but_line_breaks_kept() {
        assertThat(Html.escape("a\u0000b\u001bc\u007fd\ne\tf")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\ne\tf");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>alert(1)</script>", "' onmouseover='alert(1)", "\" onfocus=\"alert(1)",
            "</title><script>x</script>", "<!--", "]]><svg/onload=alert(1)>", "&lt;script&gt;"})
    void no_hostile_string_keeps_a_markup_character(String hostile) {
        String escaped = Html.escape(hostile);

        assertThat(escaped).doesNotContain("<", ">", "\"", "'");
        // Every '&' left starts an entity we wrote.
        assertThat(escaped.replaceAll("&(amp|lt|gt|quot|#39);", "")).doesNotContain("&");
    }
}

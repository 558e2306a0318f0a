package com.ordertracking.shared.adapters.http.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    private static String write(List<List<String>> records) {
        StringBuilder out = new StringBuilder();
        CsvWriter csv = new CsvWriter(out);
        records.forEach(csv::record);
        return out.toString();
    }

    @Test
    void plain_fields_are_bare_and_records_end_with_crlf() {
        assertThat(write(List.of(List.of("a", "b c", "1.50"), List.of("x", "", "z"))))
                .isEqualTo("a,b c,1.50\r\nx,,z\r\n");
    }

    @Test
    void commas_quotes_and_line_breaks_are_quoted_with_quotes_doubled() {
        assertThat(write(List.of(List.of("Smith, Jo", "say \"hi\"", "line1\nline2", "cr\rlf\r\n"))))
                .isEqualTo("\"Smith, Jo\",\"say \"\"hi\"\"\",\"line1\nline2\",\"cr\rlf\r\n\"\r\n");
    }

    @Test
    void null_is_an_empty_field() {
        assertThat(write(List.of(Arrays.asList("a", null, "c")))).isEqualTo("a,,c\r\n");
    }

    @Test
    void an_rfc_4180_parser_reads_every_field_back_intact() throws IOException {
        List<List<String>> records = List.of(
                List.of("Zoë Ångström", "Straße 5, Hof \"B\"", "São Paulo\r\nBR", "日本語", "emoji 📦", ""),
                List.of("\"", ",", "\n", "\r", "  spaced  ", "=SUM(A1)"));
        List<List<String>> parsed = new ArrayList<>();
        for (CSVRecord record : CSVFormat.RFC4180.parse(new StringReader(write(records)))) {
            parsed.add(record.toList());
        }
        assertThat(parsed).isEqualTo(records);
    }

    @Test
    void the_weight_bounds_the_json_escaped_body() {
        StringBuilder out = new StringBuilder();
        CsvWriter csv = new CsvWriter(out);
        csv.record(List.of("ab", "é\"x"));

        // ab , "é""x" CRLF -> 2 + 1 + (2 + 6 + 2 + 2 + 1 + 2) + 4
        assertThat(csv.weight()).isEqualTo(CsvWriter.weightOf(out)).isEqualTo(22);
        String json = com.ordertracking.shared.adapters.json.Json.write(out.toString());
        assertThat((long) json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length - 2).isLessThanOrEqualTo(csv.weight());
    }
}

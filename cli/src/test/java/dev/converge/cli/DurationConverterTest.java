package dev.converge.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationConverterTest {
    private final DurationConverter converter = new DurationConverter();

    @ParameterizedTest
    @CsvSource({
            "500ms, PT0.5S",
            "0s, PT0S",
            "30s, PT30S",
            "2m, PT2M",
            "1h, PT1H",
            "30S, PT30S",
            "' 10s ', PT10S",
            "PT30S, PT30S",
            "pt1m30s, PT1M30S"
    })
    void readsShortAndIsoForms(String text, String iso) {
        assertThat(converter.convert(text)).isEqualTo(Duration.parse(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "30", "soon", "3 days", "1.5s", "-5s", "s", "P", "PTxS", "10sec"})
    void refusesAnythingElseSayingWhatToWrite(String text) {
        assertThatThrownBy(() -> converter.convert(text)).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("'" + text + "'").hasMessageContaining("30s").hasMessageContaining("PT30S");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT-5S", "-PT5S"})
    void refusesNegativeDurations(String text) {
        assertThatThrownBy(() -> converter.convert(text)).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("negative");
    }

    @ParameterizedTest
    @ValueSource(strings = {"P9999999999999D", "P106751991168D", "2147483648ms", "999999999999h", "PT596H32M"})
    void refusesATimeoutLongerThanSqliteCanWait(String text) {
        assertThatThrownBy(() -> converter.convert(text)).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("'" + text + "' is too long").hasMessageContaining("2147483647ms");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2147483647ms", "PT596H31M23.647S"})
    void acceptsTheLongestTimeoutSqliteCanWait(String text) {
        assertThat(converter.convert(text)).isEqualTo(Duration.ofMillis(Integer.MAX_VALUE));
    }

    /** An ISO duration too long for milliseconds ended as an internal error (exit 4, ArithmeticException). */
    @Test
    void aTimeoutTooLongForMillisecondsIsAUsageErrorNotAnInternalError() {
        Cli r = Cli.run("plan", "--db", "x.db", "--migrations", "m", "--lock-timeout", "P9999999999999D");

        assertThat(r.status()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("--lock-timeout", "'P9999999999999D' is too long").doesNotContain("internal error");
    }
}

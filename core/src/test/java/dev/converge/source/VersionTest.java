package dev.converge.source;

import dev.converge.error.ConvergeException;
import dev.converge.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VersionTest {

    @Test
    void parseReadsDigitsWithLeadingZeros() {
        assertThat(Version.parse("002")).isEqualTo(Version.of(2));
        assertThat(Version.parse("0").value()).isZero();
        assertThat(Version.parse(Long.toString(Long.MAX_VALUE)).value()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void toStringIsTheNumberWithoutLeadingZeros() {
        assertThat(Version.parse("0010")).hasToString("10");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1a", "-1", "+1", " 1", "1.0", "9223372036854775808", "99999999999999999999"})
    void parseRefusesAnythingButDigitsThatFit(String text) {
        assertThatThrownBy(() -> Version.parse(text))
                .isInstanceOfSatisfying(ConvergeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT);
                    assertThat(e.getMessage()).contains("'" + text + "'").contains("digits");
                });
    }

    @Test
    void negativeVersionIsRefused() {
        assertThatThrownBy(() -> Version.of(-1))
                .isInstanceOfSatisfying(ConvergeException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT))
                .hasMessageContaining("-1");
    }

    @Test
    void versionsCompareNumericallyNotLexically() {
        List<Version> versions = new ArrayList<>(List.of(Version.parse("100"), Version.parse("10"),
                Version.parse("2"), Version.parse("0"), Version.parse("01")));
        Collections.sort(versions);
        assertThat(versions).extracting(Version::value).containsExactly(0L, 1L, 2L, 10L, 100L);
    }
}

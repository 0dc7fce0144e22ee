package dev.converge.source;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class ChecksumTest {
    // the values below come from `printf … | sha256sum`, not from this code
    private static final String SHA256_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static final String SHA256_EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final String SCRIPT_LF = "CREATE TABLE t (x INTEGER);\nINSERT INTO t VALUES (1);\n";
    private static final String SHA256_SCRIPT_LF = "814b0c887a24d86695185f63743d4a1727098d368392a37a54b36f6ce3798791";
    private static final String SHA256_E_ACUTE_LF = "edd3a863872a04239eb29ad4bc12fc892b3d4ae57cc7e786a3697816f8e141c2";

    @Test
    void isTheLowerCaseHexSha256OfTheText() {
        assertThat(Checksum.of("abc")).isEqualTo(SHA256_ABC);
        assertThat(Checksum.of("")).isEqualTo(SHA256_EMPTY);
        assertThat(Checksum.of(SCRIPT_LF)).isEqualTo(SHA256_SCRIPT_LF);
    }

    @Test
    void encodesTheTextAsUtf8() {
        assertThat(Checksum.of("\u00e9\n")).isEqualTo(SHA256_E_ACUTE_LF);
    }

    @Test
    void crlfAndLoneCrGiveTheChecksumOfLf() {
        assertThat(Checksum.of(SCRIPT_LF.replace("\n", "\r\n"))).isEqualTo(SHA256_SCRIPT_LF);
        assertThat(Checksum.of(SCRIPT_LF.replace("\n", "\r"))).isEqualTo(SHA256_SCRIPT_LF);
        assertThat(Checksum.of("\u00e9\r")).isEqualTo(SHA256_E_ACUTE_LF);
    }

    @Test
    void crBeforeCrlfIsTwoLineEndings() {
        assertThat(Checksum.of("a\r\r\nb")).isEqualTo(Checksum.of("a\n\nb"));
        assertThat(Checksum.of("a\n\rb")).isEqualTo(Checksum.of("a\n\nb"));
    }

    @Test
    void anyOtherEditChangesIt() {
        assertThat(Checksum.of(SCRIPT_LF.replace("(1)", "(2)"))).isNotEqualTo(SHA256_SCRIPT_LF);
        assertThat(Checksum.of(SCRIPT_LF + " ")).isNotEqualTo(SHA256_SCRIPT_LF);
        assertThat(Checksum.of(SCRIPT_LF.replace("\n", "\n\n"))).isNotEqualTo(SHA256_SCRIPT_LF);
    }

    @Test
    void checksumOfUtf8BytesEqualsChecksumOfTheDecodedText() {
        Random random = new Random(20240611L);
        String alphabet = "ab \u00e9\u4e2d;\r\n\n\r\uD83D\uDE00";
        for (int round = 0; round < 500; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                int at = random.nextInt(alphabet.length() - 1);
                if (Character.isHighSurrogate(alphabet.charAt(at))) {
                    text.append(alphabet, at, at + 2);
                } else if (!Character.isLowSurrogate(alphabet.charAt(at))) {
                    text.append(alphabet.charAt(at));
                }
            }
            byte[] bytes = ("xyz" + text).getBytes(StandardCharsets.UTF_8);
            assertThat(Checksum.ofUtf8(bytes, 3, bytes.length - 3))
                    .as("checksum of %s", text.toString().replace("\r", "\\r").replace("\n", "\\n"))
                    .isEqualTo(Checksum.of(text.toString()));
        }
    }

    @Test
    void givesTheSameResultFromManyThreadsAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> Checksum.of(SCRIPT_LF.replace("\n", "\r\n"))));
            }
            for (Future<String> r : results) {
                assertThat(r.get()).isEqualTo(SHA256_SCRIPT_LF);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Regression: a history row holding the checksum in upper-case hex was refused as a changed file. */
    @Test
    void aRecordedChecksumInUpperCaseStandsForTheSameFile() {
        assertThat(Checksum.recordedFor(SHA256_SCRIPT_LF.toUpperCase(java.util.Locale.ROOT), SCRIPT_LF, SHA256_SCRIPT_LF)).isTrue();
        assertThat(Checksum.recordedFor(SHA256_SCRIPT_LF, SCRIPT_LF, SHA256_SCRIPT_LF)).isTrue();
    }

    /** Regression: a checksum taken over the file with CRLF line endings (before normalization) was refused as an edit. */
    @Test
    void aRecordedChecksumOfTheCrlfFileStandsForTheSameFile() {
        // printf 'CREATE TABLE t (x INTEGER);\r\nINSERT INTO t VALUES (1);\r\n' | sha256sum
        String crlf = "3b42af8dbf047a71c635b93045c389fc47318759bf2f73c2a05c067192b7e428";
        assertThat(Checksum.recordedFor(crlf, SCRIPT_LF, SHA256_SCRIPT_LF)).isTrue();
        assertThat(Checksum.recordedFor(crlf, SCRIPT_LF.replace("\n", "\r\n"), SHA256_SCRIPT_LF)).isTrue();
        String edited = SCRIPT_LF.replace("(1)", "(2)");
        assertThat(Checksum.recordedFor(crlf, edited, Checksum.of(edited))).isFalse();
        assertThat(Checksum.recordedFor("", SCRIPT_LF, SHA256_SCRIPT_LF)).isFalse();
    }
}

package org.quorum.infrastructure.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class KeyListTest {

    @Test
    void padsToAPowerOfTwoByRepeatingTheLastKey() {
        KeyList three = KeyList.parts(List.of("a", "b", "c")).get(0);
        assertThat(three.placeholders()).isEqualTo("(?, ?, ?, ?)");
        assertThat(three.parameters()).containsExactly("a", "b", "c", "c");
        assertThat(KeyList.parts(List.of("a")).get(0).parameters()).containsExactly("a");
    }

    @Test
    void splitsLongListsIntoPartsOfAtMostTheMost() {
        List<String> keys = IntStream.range(0, KeyList.MOST + 3).mapToObj(String::valueOf).toList();
        List<KeyList> parts = KeyList.parts(keys);
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).parameters()).hasSize(KeyList.MOST).startsWith("0");
        assertThat(parts.get(1).parameters()).containsExactly(String.valueOf(KeyList.MOST),
                String.valueOf(KeyList.MOST + 1), String.valueOf(KeyList.MOST + 2), String.valueOf(KeyList.MOST + 2));
        assertThat(KeyList.parts(List.of())).isEmpty();
    }
}

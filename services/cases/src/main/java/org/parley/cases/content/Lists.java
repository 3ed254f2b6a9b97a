package org.parley.cases.content;

import java.util.List;

/** Absent lists read as empty ones, so stored documents always have every list. */
final class Lists {
    private Lists() {}

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}

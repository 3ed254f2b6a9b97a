package org.parley.console.todo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The navigation's kept counts: per user, never another's, gone when forgotten. */
class TodoCountsTest {

    @Test
    void aCountIsKeptForItsUserOnly() {
        TodoCounts counts = new TodoCounts();
        assertThat(counts.fresh("bruno")).isEmpty();

        counts.keep("bruno", 3);
        counts.keep("lucia", 0);

        assertThat(counts.fresh("bruno")).contains(3);
        assertThat(counts.fresh("lucia")).contains(0);
        assertThat(counts.fresh("ana")).isEmpty();
    }

    @Test
    void aForgottenCountIsAskedForAgain() {
        TodoCounts counts = new TodoCounts();
        counts.keep("bruno", 2);
        counts.forget("bruno");
        assertThat(counts.fresh("bruno")).isEmpty();
    }
}

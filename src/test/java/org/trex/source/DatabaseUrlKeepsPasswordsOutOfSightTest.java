package org.trex.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A URL's password never shows in its printed forms, and can be handed to a child process on its own. */
class DatabaseUrlKeepsPasswordsOutOfSightTest {
    @Test
    void passwordParameterIsRedactedAndSeparable() {
        DatabaseUrl url = new DatabaseUrl("jdbc:postgresql://db:5432/asc?user=trex&password=s%26cret&sslmode=require");

        assertThat(url.redacted()).isEqualTo("jdbc:postgresql://db:5432/asc?user=trex&password=***&sslmode=require");
        assertThat(url.withoutPassword()).isEqualTo("jdbc:postgresql://db:5432/asc?user=trex&sslmode=require");
        assertThat(url.password()).contains("s&cret");
    }

    @Test
    void passwordAsFirstParameterOrInUserInfoIsSeparable() {
        assertThat(new DatabaseUrl("jdbc:postgresql://db/asc?password=pw&user=trex").withoutPassword())
                .isEqualTo("jdbc:postgresql://db/asc?user=trex");
        assertThat(new DatabaseUrl("jdbc:postgresql://db/asc?password=pw").withoutPassword())
                .isEqualTo("jdbc:postgresql://db/asc");
        DatabaseUrl userinfo = new DatabaseUrl("jdbc:postgresql://trex:pw@db/asc");
        assertThat(userinfo.withoutPassword()).isEqualTo("jdbc:postgresql://trex@db/asc");
        assertThat(userinfo.redacted()).isEqualTo("jdbc:postgresql://trex:***@db/asc");
        assertThat(userinfo.password()).contains("pw");
        assertThat(new DatabaseUrl("jdbc:postgresql://db/asc?user=trex").password()).isEmpty();
    }

    @Test
    void aPasswordOfAnyCharactersIsHiddenWhole() {
        String password = "se;cr?et=@/x:y";
        DatabaseUrl url =
                new DatabaseUrl("jdbc:postgresql://db:5432/asc?user=trex&password=" + password + "&sslmode=require");

        assertThat(url.redacted()).isEqualTo("jdbc:postgresql://db:5432/asc?user=trex&password=***&sslmode=require");
        assertThat(url.toString()).doesNotContain("cr?et").doesNotContain("x:y");
        assertThat(url.password()).contains(password);
        assertThat(url.withoutPassword()).isEqualTo("jdbc:postgresql://db:5432/asc?user=trex&sslmode=require");
        assertThat(DatabaseUrl.safeMessage(new java.sql.SQLException("Cannot connect with " + url.jdbcUrl() + " now")))
                .isEqualTo("Cannot connect with "
                        + "jdbc:postgresql://db:5432/asc?user=trex&password=***&sslmode=require now");
        assertThat(new DatabaseUrl("jdbc:postgresql://trex:p;w@rd@db/asc?sslpassword=k;ey").redacted())
                .isEqualTo("jdbc:postgresql://trex:***@db/asc?sslpassword=***");
    }
}

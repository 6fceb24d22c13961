package org.trex.cli;

/** Who is acting, for the audit log: $TREX_ACTOR, else the operating-system user. */
final class Actor {
    private Actor() {
    }

    static String current() {
        String actor = System.getenv("TREX_ACTOR");
        return actor != null && !actor.isBlank() ? actor : System.getProperty("user.name", "unknown");
    }
}

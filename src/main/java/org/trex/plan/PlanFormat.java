package org.trex.plan;

/** How a plan is shown: plain text for terminals, Markdown for board papers, JSON for tools. */
public enum PlanFormat {
    TEXT, MARKDOWN, JSON
}

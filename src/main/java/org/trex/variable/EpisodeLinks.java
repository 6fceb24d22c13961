package org.trex.variable;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.nullif;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.trex.source.SourceCatalog;
import org.trex.source.SourceDataset;
import org.trex.spec.Expr;

/**
 * Compiles {@code linked_episodes}, set-based: the person's events are merged into episodes by window
 * functions over all events at once (a running maximum of the ends so far; an event starting more than N days
 * after it starts a new episode, and a running sum numbers them), each episode is joined to the cohort's index
 * events in its window and ranked to keep the latest (or first), and the links are counted per index event.
 */
final class EpisodeLinks {
    private EpisodeLinks() {
    }

    @SuppressWarnings("unchecked")
    static Field<?> link(IndexRows rows, Expr.LinkedEpisodes link) {
        Expr.Episodes spec = link.episodes();
        SourceDataset dataset = rows.catalog().source(spec.dataset(), rows.name("ep"));
        Field<LocalDate> start = (Field<LocalDate>) dataset.requireField(spec.start()).expression();
        Field<LocalDate> end = (Field<LocalDate>) dataset.requireField(spec.end()).expression();
        Condition where = start.le(rows.asOf());
        for (Expr condition : spec.where()) {
            where = where.and(rows.rowCondition(condition, dataset));
        }
        Table<?> events = select(SourceCatalog.linkKey(dataset.nhsNumber()).as("k"), start.as("s"),
                coalesce(end, inline(IndexRows.OPEN_END)).as("e"), dataset.rowId().as("id"))
                .from(dataset.from()).where(where).asTable(rows.name("ep_events"));
        Field<String> k = events.field("k", String.class);
        Field<LocalDate> s = events.field("s", LocalDate.class);
        Field<LocalDate> e = events.field("e", LocalDate.class);
        Field<Long> id = events.field("id", Long.class);
        // The latest end among the person's earlier events (in start, end, id order); none for the first event.
        Field<LocalDate> endSoFar = max(e).over().partitionBy(k).orderBy(s, e, id).rowsBetweenUnboundedPreceding()
                .andPreceding(1);
        Field<Integer> starts = when(endSoFar.ge(s.minus(inline(spec.joinWithinDays()))), inline(0)).else_(inline(1));
        Table<?> flagged = select(k, s, e, id, starts.as("starts")).from(events).asTable(rows.name("ep_flagged"));
        Field<String> fk = flagged.field(k);
        Field<LocalDate> fs = flagged.field(s);
        Field<LocalDate> fe = flagged.field(e);
        Field<BigDecimal> number = sum(flagged.field("starts", Integer.class)).over().partitionBy(fk)
                .orderBy(fs, fe, flagged.field(id)).rowsUnboundedPreceding();
        Table<?> numbered = select(fk, fs, fe, number.as("n")).from(flagged).asTable(rows.name("ep_numbered"));
        Table<?> episodes = select(numbered.field(fk), numbered.field("n"), min(numbered.field(fs)).as("start"),
                max(numbered.field(fe)).as("end")).from(numbered).groupBy(numbered.field(fk), numbered.field("n"))
                .asTable(rows.name("episodes"));
        Field<String> ek = episodes.field("k", String.class);
        Field<LocalDate> episodeStart = episodes.field("start", LocalDate.class);
        Field<LocalDate> episodeEnd = episodes.field("end", LocalDate.class);

        IndexRows candidates = rows.renamed();
        Field<LocalDate> date = candidates.indexDate();
        Condition linked = candidates.cohort()
                .and(date.between(episodeStart.plus(inline(link.fromDays())),
                        episodeStart.plus(inline(link.toDays()))));
        for (Expr condition : link.indexWhere()) {
            linked = linked.and(candidates.linkCondition(condition, episodeStart, episodeEnd));
        }
        Field<Long> candidate = candidates.index().rowId();
        boolean latest = link.link() == Expr.LinkChoice.LATEST;
        Field<Integer> rank = rowNumber().over().partitionBy(ek, episodes.field("n"))
                .orderBy(latest ? date.desc() : date.asc(), latest ? candidate.desc() : candidate.asc());
        Table<?> ranked = select(candidate.as("row_id"), episodeStart.as("start"), episodeEnd.as("end"),
                rank.as("rank"))
                .from(candidates.from().join(episodes).on(SourceCatalog.linkKey(candidates.index().nhsNumber()).eq(ek)))
                .where(linked).asTable(rows.name("ep_ranked"));
        Field<Long> rowId = ranked.field("row_id", Long.class);
        Table<?> perIndex = select(rowId, count().as("links"), min(ranked.field("start", LocalDate.class)).as("start"),
                min(ranked.field("end", LocalDate.class)).as("end"))
                .from(ranked).where(ranked.field("rank", Integer.class).eq(inline(1))).groupBy(rowId)
                .asTable(rows.name("ep_links"));
        rows.join(perIndex, perIndex.field(rowId));
        Field<Integer> links = perIndex.field("links", Integer.class);
        return switch (link.value()) {
            case EXISTS -> DSL.field(links.isNotNull());
            case COUNT -> coalesce(links, inline(0));
            case START -> perIndex.field("start", LocalDate.class);
            case END -> nullif(perIndex.field("end", LocalDate.class), inline(IndexRows.OPEN_END));
        };
    }
}

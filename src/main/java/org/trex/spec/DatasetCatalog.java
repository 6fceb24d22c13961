package org.trex.spec;

import java.util.List;
import java.util.Optional;

/** The datasets and fields the source schema allows specs to name. */
public interface DatasetCatalog {
    /** Every dataset, in a stable order. */
    List<DatasetDescriptor> datasets();

    /** The dataset whose records are a cohort's index events. */
    DatasetDescriptor indexDataset(IndexEvent event);

    /** The dataset with this name, if any. */
    default Optional<DatasetDescriptor> dataset(String name) {
        return datasets().stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /** The names of every dataset. */
    default List<String> datasetNames() {
        return datasets().stream().map(DatasetDescriptor::name).toList();
    }
}

#pragma once

#include <vector>

namespace luister {

// How well a clustering agrees with known labels (C9: topic discovery is
// scored against labelled public data). `labels[i]` and `clusters[i]` are
// the label and the cluster of item i; the values are arbitrary integers
// (only equality matters) and the two vectors must have the same length.
// Every score is 1 for a clustering that is a relabelling of the labels.

// Normalised mutual information, MI / mean(H(labels), H(clusters)) (the
// arithmetic mean, scikit-learn's default), in [0, 1]. 1 when both put
// everything in one group; 0 when one of them does and the other does not.
double NormalizedMutualInformation(const std::vector<int>& labels,
                                   const std::vector<int>& clusters);

// Adjusted Rand index (Hubert and Arabie): pair agreement corrected for
// chance; 0 in expectation for a random clustering, negative when worse.
double AdjustedRandIndex(const std::vector<int>& labels, const std::vector<int>& clusters);

// Clustering accuracy: the share of items whose cluster maps to their label
// under the best one-to-one mapping of clusters to labels (Hungarian
// method). With more clusters than labels the clusters left unmapped count
// as wrong, and with fewer the labels left over do.
double ClusteringAccuracy(const std::vector<int>& labels, const std::vector<int>& clusters);

// The assignment of rows to columns of `cost` (rows × columns, all rows the
// same length, every cost finite) with the least total cost, one-to-one: `result[r]` is row
// r's column, or -1 when there are more rows than columns and r is left
// out. O(n² m) for n = min(rows, columns), m = max (Hungarian method with
// potentials).
std::vector<int> MinCostAssignment(const std::vector<std::vector<double>>& cost);

}  // namespace luister

// A recorded trajectory: one row of named quantities per iteration (or per time of a flow), kept in
// memory and written as CSV. Rows are appended into reserved storage, so recording inside the GD loop
// does not allocate once reserve() covers the run.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <span>
#include <string>
#include <vector>

namespace relucert::trainer {

class Trajectory {
public:
    explicit Trajectory(std::vector<std::string> columns);

    const std::vector<std::string>& columns() const { return columns_; }
    std::size_t rows() const { return columns_.empty() ? 0 : data_.size() / columns_.size(); }
    void reserve(std::size_t rows) { data_.reserve(rows * columns_.size()); }
    // Throws TrainerError if the row does not have one value per column.
    void append(std::span<const double> row);
    double at(std::size_t row, std::size_t col) const { return data_[row * columns_.size() + col]; }
    // Throws TrainerError for an unknown column name.
    std::size_t column_index(const std::string& name) const;
    std::vector<double> column(const std::string& name) const;

    // CSV: the comment lines first, each prefixed by "# ", then a header row, then one row per entry,
    // numbers with 17 significant digits (exact round trip).
    void write_csv(std::ostream& os, const std::vector<std::string>& comments = {}) const;

private:
    std::vector<std::string> columns_;
    std::vector<double> data_;
};

}  // namespace relucert::trainer

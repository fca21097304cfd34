// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formats/parquet/parquetmetadata.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <vector>

namespace kx {

/**
 * One node of a Parquet schema: a group (struct, list, map) or a leaf column.
 * Levels follow the Dremel model: maxDefinitionLevel counts the optional and
 * repeated nodes from the root down to and including this one,
 * maxRepetitionLevel the repeated ones. A plain value type.
 */
struct ParquetSchemaNode
{
    QString name;
    int parent = -1;          ///< index of the parent node; -1 for the root
    std::vector<int> children;
    bool isLeaf = false;
    parquet::PhysicalType physicalType = parquet::PhysicalType::Int32; ///< leaves only
    int32_t typeLength = 0;   ///< FIXED_LEN_BYTE_ARRAY width
    parquet::Repetition repetition = parquet::Repetition::Required;
    parquet::ConvertedType convertedType = parquet::ConvertedType::None;
    parquet::LogicalType logicalType;
    int32_t scale = 0;        ///< DECIMAL scale (logical type's, else the legacy field)
    int32_t precision = 0;
    int maxDefinitionLevel = 0;
    int maxRepetitionLevel = 0;
    int leafIndex = -1;       ///< position among the leaves = column chunk index
    QStringList path;         ///< names from the top-level field down to this node

    bool isList() const;
    bool isMap() const;
    bool isDecimal() const;
    /** Human-readable type, e.g. "INT64 TIMESTAMP(MICROS)", "group LIST", "BYTE_ARRAY STRING". */
    QString typeDescription() const;
};

/**
 * The schema tree of a Parquet file, built from the footer's flattened
 * SchemaElement list (depth-first, each group followed by its children).
 * Node 0 is the root. Validates child counts, nesting depth and that every
 * leaf has a physical type. A plain value type; immutable after build().
 */
class ParquetSchema final
{
    Q_DECLARE_TR_FUNCTIONS(kx::ParquetSchema)

public:
    static Result<ParquetSchema> build(const std::vector<parquet::SchemaElement> &elements);

    const std::vector<ParquetSchemaNode> &nodes() const { return m_nodes; }
    const ParquetSchemaNode &node(int i) const { return m_nodes[size_t(i)]; }
    const ParquetSchemaNode &root() const { return m_nodes.front(); }
    /** Node indices of the leaf columns, in column chunk order. */
    const std::vector<int> &leaves() const { return m_leaves; }
    /** Node index of the node at dotted @p path ("audio.bytes"), or -1. */
    int find(const QString &path) const;

private:
    std::vector<ParquetSchemaNode> m_nodes;
    std::vector<int> m_leaves;
};

} // namespace kx

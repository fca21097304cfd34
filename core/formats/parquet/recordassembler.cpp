// SPDX-License-Identifier: GPL-3.0-or-later
#include "formats/parquet/recordassembler.h"

#include "formats/parquet/leafvalueconverter.h"

namespace kx::parquet {

namespace {

struct PathStep
{
    std::string name;
    Repetition repetition;
    int16_t def;
    int16_t rep;
    bool isLeaf;
    size_t index = 0; // element index in the current list of a repeated step
};

} // namespace

Result<void> RecordAssembler::assembleLeaf(const ParquetSchema &schema, const Leaf &leaf, int64_t numRows,
                                           qint64 inlineBinaryLimit, Json *rows)
{
    const ParquetSchemaNode &leafNode = schema.node(leaf.node);
    const QString column = leafNode.path.join(QLatin1Char('.'));
    std::vector<PathStep> path;
    for (int n = leaf.node; n > 0; n = schema.node(n).parent) {
        const ParquetSchemaNode &s = schema.node(n);
        path.insert(path.begin(), PathStep{s.name.toStdString(), s.repetition, int16_t(s.maxDefinitionLevel),
                                           int16_t(s.maxRepetitionLevel), s.isLeaf});
    }
    const ColumnData &data = *leaf.data;
    const LeafValueConverter converter(leafNode, inlineBinaryLimit);
    const int16_t maxDef = int16_t(leafNode.maxDefinitionLevel);
    const size_t valueCount = data.values.size();
    int64_t row = -1;
    size_t value = 0;
    for (size_t e = 0; e < data.levelCount; ++e) {
        const int16_t d = data.definitionLevels.empty() ? maxDef : data.definitionLevels[e];
        const int16_t r = data.repetitionLevels.empty() ? 0 : data.repetitionLevels[e];
        if (r == 0 && ++row >= numRows)
            return Error::badInput(tr("column \"%1\" holds more than the row group's %2 rows").arg(column).arg(numRows));
        if (row < 0)
            return Error::badInput(tr("column \"%1\" does not start at a record boundary").arg(column));
        Json *cur = &rows[row];
        for (PathStep &step : path) {
            if (step.repetition == Repetition::Repeated) {
                Json &array = (*cur)[step.name];
                if (!array.is_array())
                    array = Json::array();
                if (d < step.def)
                    break; // empty list
                if (r < step.rep)
                    step.index = 0; // first element of a new list
                else if (r == step.rep)
                    ++step.index;
                if (step.index > array.size())
                    return Error::badInput(tr("column \"%1\": repetition levels skip a list element at row %2")
                                               .arg(column).arg(row));
                if (step.index == array.size())
                    array.push_back(step.isLeaf ? Json() : Json::object());
                cur = &array[step.index];
            } else {
                if (step.repetition == Repetition::Optional && d < step.def) {
                    if (!cur->contains(step.name))
                        (*cur)[step.name] = nullptr;
                    break;
                }
                cur = &(*cur)[step.name];
                if (!step.isLeaf && cur->is_null())
                    *cur = Json::object();
            }
            if (step.isLeaf) {
                if (value >= valueCount)
                    return Error::badInput(tr("column \"%1\": definition levels call for more than its %2 values")
                                               .arg(column).arg(valueCount));
                *cur = converter.convert(data.values, value++);
            }
        }
    }
    if (row + 1 != numRows)
        return Error::badInput(tr("column \"%1\" holds %2 rows, the row group has %3").arg(column).arg(row + 1).arg(numRows));
    if (value != valueCount)
        return Error::badInput(tr("column \"%1\" holds %2 values but its levels use %3")
                                   .arg(column).arg(valueCount).arg(value));
    return {};
}

void RecordAssembler::convertField(const ParquetSchema &schema, int node, Json &j)
{
    if (schema.node(node).repetition == Repetition::Repeated && j.is_array()) {
        for (Json &element : j)
            convertValue(schema, node, element);
    } else {
        convertValue(schema, node, j);
    }
}

void RecordAssembler::convertValue(const ParquetSchema &schema, int node, Json &j)
{
    const ParquetSchemaNode &n = schema.node(node);
    if (n.isLeaf || !j.is_object())
        return;
    const bool oneRepeatedChild = n.children.size() == 1
        && schema.node(n.children[0]).repetition == Repetition::Repeated;
    const bool isMap = n.logicalType.kind == LogicalType::Map || n.convertedType == ConvertedType::Map
        || (n.convertedType == ConvertedType::MapKeyValue && n.repetition != Repetition::Repeated);
    if (n.isList() && oneRepeatedChild) {
        const ParquetSchemaNode &rep = schema.node(n.children[0]);
        // The backward-compatibility rules of the LIST spec: when is the
        // repeated field itself the element, and when its single child?
        const bool repIsElement = rep.isLeaf || rep.children.size() != 1 || rep.name == QLatin1String("array")
            || rep.name == n.name + QLatin1String("_tuple");
        Json list = Json::array();
        auto it = j.find(rep.name.toStdString());
        if (it != j.end() && it->is_array()) {
            const std::string innerName = repIsElement ? std::string() : schema.node(rep.children[0]).name.toStdString();
            for (Json &element : *it) {
                if (repIsElement) {
                    convertValue(schema, n.children[0], element);
                    list.push_back(std::move(element));
                } else {
                    Json inner = element.is_object() && element.contains(innerName) ? std::move(element[innerName])
                                                                                      : Json();
                    convertField(schema, rep.children[0], inner);
                    list.push_back(std::move(inner));
                }
            }
        }
        j = std::move(list);
        return;
    }
    if (isMap && oneRepeatedChild && !schema.node(n.children[0]).isLeaf) {
        const ParquetSchemaNode &kv = schema.node(n.children[0]);
        const int keyNode = kv.children[0];
        const int valueNode = kv.children.size() > 1 ? kv.children[1] : -1;
        const std::string keyName = schema.node(keyNode).name.toStdString();
        const std::string valueName = valueNode >= 0 ? schema.node(valueNode).name.toStdString() : std::string();
        Json map = Json::object();
        auto it = j.find(kv.name.toStdString());
        if (it != j.end() && it->is_array()) {
            for (Json &entry : *it) {
                if (!entry.is_object())
                    continue;
                Json key = entry.contains(keyName) ? std::move(entry[keyName]) : Json();
                convertField(schema, keyNode, key);
                Json value;
                if (valueNode >= 0 && entry.contains(valueName)) {
                    value = std::move(entry[valueName]);
                    convertField(schema, valueNode, value);
                }
                map[key.is_string() ? key.get<std::string>() : dumpCompact(key)] = std::move(value);
            }
        }
        j = std::move(map);
        return;
    }
    for (int c : n.children) {
        auto it = j.find(schema.node(c).name.toStdString());
        if (it != j.end())
            convertField(schema, c, *it);
    }
}

Result<void> RecordAssembler::assemble(const ParquetSchema &schema, const std::vector<Leaf> &leaves,
                                       const std::vector<int> &topLevel, int64_t numRows, qint64 inlineBinaryLimit,
                                       std::vector<Json> &rows)
{
    const size_t first = rows.size();
    rows.resize(first + size_t(numRows), Json::object());
    std::vector<std::string> names;
    for (int field : topLevel)
        names.push_back(schema.node(field).name.toStdString());
    try {
        for (const Leaf &leaf : leaves) {
            Result<void> r = assembleLeaf(schema, leaf, numRows, inlineBinaryLimit, rows.data() + first);
            if (!r) {
                rows.resize(first);
                return r;
            }
        }
        for (size_t i = first; i < rows.size(); ++i) {
            for (size_t f = 0; f < topLevel.size(); ++f) {
                if (schema.node(topLevel[f]).isLeaf)
                    continue; // leaves were converted when written
                auto it = rows[i].find(names[f]);
                if (it != rows[i].end())
                    convertField(schema, topLevel[f], *it);
            }
        }
    } catch (const nlohmann::json::exception &e) {
        // Only a schema whose sibling fields share a name can make a leaf and
        // a group meet at one key; report it instead of crashing.
        rows.resize(first);
        return Error::badInput(tr("parquet records do not match the schema: %1").arg(QString::fromUtf8(e.what())));
    }
    return {};
}

} // namespace kx::parquet

// SPDX-License-Identifier: GPL-3.0-or-later
#include "formats/parquet/parquetschema.h"

namespace kx {

using namespace parquet;

namespace {

// Real schemas nest a handful of levels; the cap keeps the recursive record
// assembly's stack use bounded on hostile files.
constexpr int kMaxDepth = 48;

const char *physicalName(PhysicalType t)
{
    switch (t) {
    case PhysicalType::Boolean: return "BOOLEAN";
    case PhysicalType::Int32: return "INT32";
    case PhysicalType::Int64: return "INT64";
    case PhysicalType::Int96: return "INT96";
    case PhysicalType::Float: return "FLOAT";
    case PhysicalType::Double: return "DOUBLE";
    case PhysicalType::ByteArray: return "BYTE_ARRAY";
    case PhysicalType::FixedLenByteArray: return "FIXED_LEN_BYTE_ARRAY";
    }
    return "?";
}

QString unitName(TimeUnit u)
{
    switch (u) {
    case TimeUnit::Millis: return QStringLiteral("MILLIS");
    case TimeUnit::Micros: return QStringLiteral("MICROS");
    case TimeUnit::Nanos: return QStringLiteral("NANOS");
    default: return QStringLiteral("?");
    }
}

} // namespace

bool ParquetSchemaNode::isList() const
{
    return logicalType.kind == LogicalType::List || convertedType == ConvertedType::List;
}

bool ParquetSchemaNode::isMap() const
{
    return logicalType.kind == LogicalType::Map || convertedType == ConvertedType::Map
        || convertedType == ConvertedType::MapKeyValue;
}

bool ParquetSchemaNode::isDecimal() const
{
    return logicalType.kind == LogicalType::Decimal || convertedType == ConvertedType::Decimal;
}

QString ParquetSchemaNode::typeDescription() const
{
    QString s = isLeaf ? QString::fromLatin1(physicalName(physicalType)) : QStringLiteral("group");
    if (isLeaf && physicalType == PhysicalType::FixedLenByteArray)
        s += QStringLiteral("(%1)").arg(typeLength);
    QString logical;
    switch (logicalType.kind) {
    case LogicalType::String: logical = QStringLiteral("STRING"); break;
    case LogicalType::Map: logical = QStringLiteral("MAP"); break;
    case LogicalType::List: logical = QStringLiteral("LIST"); break;
    case LogicalType::Enum: logical = QStringLiteral("ENUM"); break;
    case LogicalType::Decimal: logical = QStringLiteral("DECIMAL(%1,%2)").arg(precision).arg(scale); break;
    case LogicalType::Date: logical = QStringLiteral("DATE"); break;
    case LogicalType::Time: logical = QStringLiteral("TIME(%1)").arg(unitName(logicalType.unit)); break;
    case LogicalType::Timestamp: logical = QStringLiteral("TIMESTAMP(%1)").arg(unitName(logicalType.unit)); break;
    case LogicalType::Integer:
        logical = QStringLiteral("%1INT%2").arg(logicalType.isSigned ? QString() : QStringLiteral("U"))
                      .arg(logicalType.bitWidth);
        break;
    case LogicalType::Json: logical = QStringLiteral("JSON"); break;
    case LogicalType::Bson: logical = QStringLiteral("BSON"); break;
    case LogicalType::Uuid: logical = QStringLiteral("UUID"); break;
    case LogicalType::Float16: logical = QStringLiteral("FLOAT16"); break;
    default:
        if (isDecimal())
            logical = QStringLiteral("DECIMAL(%1,%2)").arg(precision).arg(scale);
        else if (convertedType == ConvertedType::Utf8)
            logical = QStringLiteral("UTF8");
        else if (isList())
            logical = QStringLiteral("LIST");
        else if (isMap())
            logical = QStringLiteral("MAP");
        else if (convertedType != ConvertedType::None)
            logical = QStringLiteral("converted %1").arg(int(convertedType));
    }
    return logical.isEmpty() ? s : s + QLatin1Char(' ') + logical;
}

Result<ParquetSchema> ParquetSchema::build(const std::vector<SchemaElement> &elements)
{
    if (elements.empty())
        return Error::badInput(tr("parquet schema is empty"));
    ParquetSchema schema;
    schema.m_nodes.reserve(elements.size());
    // Iterative depth-first walk: a stack of (node index, children still expected).
    std::vector<std::pair<int, int>> stack;
    for (size_t i = 0; i < elements.size(); ++i) {
        const SchemaElement &e = elements[i];
        if (i > 0 && stack.empty())
            return Error::badInput(tr("parquet schema element %1 (\"%2\") lies outside the root group")
                                       .arg(i).arg(QString::fromStdString(e.name)));
        ParquetSchemaNode n;
        n.name = QString::fromUtf8(e.name.data(), qsizetype(e.name.size()));
        n.parent = stack.empty() ? -1 : stack.back().first;
        n.repetition = i == 0 ? Repetition::Required : e.repetition.value_or(Repetition::Optional);
        if (int(n.repetition) < 0 || int(n.repetition) > 2)
            return Error::badInput(tr("parquet schema element \"%1\" has invalid repetition %2")
                                       .arg(n.name).arg(int(n.repetition)));
        n.convertedType = e.convertedType;
        n.logicalType = e.logicalType;
        n.scale = e.logicalType.kind == LogicalType::Decimal ? e.logicalType.scale : e.scale;
        n.precision = e.logicalType.kind == LogicalType::Decimal ? e.logicalType.precision : e.precision;
        n.isLeaf = i > 0 && e.numChildren <= 0;
        if (e.numChildren < 0 || e.numChildren > int(elements.size()))
            return Error::badInput(tr("parquet schema element \"%1\" claims %2 children").arg(n.name).arg(e.numChildren));
        if (n.isLeaf) {
            if (!e.type)
                return Error{Error::Code::Unsupported,
                             tr("unsupported: empty group \"%1\" in the parquet schema").arg(n.name)};
            if (int(*e.type) < 0 || int(*e.type) > 7)
                return Error::badInput(tr("parquet column \"%1\" has invalid physical type %2").arg(n.name).arg(int(*e.type)));
            n.physicalType = *e.type;
            n.typeLength = e.typeLength;
            if (n.physicalType == PhysicalType::FixedLenByteArray && (e.typeLength < 0 || e.typeLength > (1 << 24)))
                return Error::badInput(tr("parquet column \"%1\" has invalid fixed length %2").arg(n.name).arg(e.typeLength));
        }
        if (n.parent >= 0) {
            const ParquetSchemaNode &p = schema.m_nodes[size_t(n.parent)];
            n.maxDefinitionLevel = p.maxDefinitionLevel + (n.repetition != Repetition::Required ? 1 : 0);
            n.maxRepetitionLevel = p.maxRepetitionLevel + (n.repetition == Repetition::Repeated ? 1 : 0);
            n.path = p.path;
            n.path << n.name;
        }
        const int index = int(schema.m_nodes.size());
        if (n.isLeaf) {
            n.leafIndex = int(schema.m_leaves.size());
            schema.m_leaves.push_back(index);
        }
        if (n.parent >= 0)
            schema.m_nodes[size_t(n.parent)].children.push_back(index);
        const bool isLeaf = n.isLeaf;
        const int childCount = e.numChildren;
        schema.m_nodes.push_back(std::move(n));
        if (!stack.empty())
            --stack.back().second;
        if (!isLeaf) {
            if (int(stack.size()) >= kMaxDepth)
                return Error{Error::Code::Unsupported,
                             tr("unsupported: parquet schema nested deeper than %1 levels").arg(kMaxDepth)};
            stack.emplace_back(index, childCount);
        }
        while (!stack.empty() && stack.back().second == 0)
            stack.pop_back();
    }
    if (!stack.empty())
        return Error::badInput(tr("parquet schema ends before group \"%1\" has all its children")
                                   .arg(schema.m_nodes[size_t(stack.back().first)].name));
    if (schema.m_leaves.empty())
        return Error::badInput(tr("parquet schema has no columns"));
    return schema;
}

int ParquetSchema::find(const QString &path) const
{
    const QStringList parts = path.split(QLatin1Char('.'));
    int current = 0;
    for (const QString &part : parts) {
        int next = -1;
        for (int c : m_nodes[size_t(current)].children) {
            if (m_nodes[size_t(c)].name == part) {
                next = c;
                break;
            }
        }
        if (next < 0)
            return -1;
        current = next;
    }
    return current;
}

} // namespace kx

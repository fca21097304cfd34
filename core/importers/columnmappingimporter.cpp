// SPDX-License-Identifier: GPL-3.0-or-later
#include "columnmappingimporter.h"

#include "formats/csvreader.h"
#include "formats/jsonlreader.h"
#include "formats/parquet/parquetfile.h"

#include <QFileInfo>

namespace kx {

namespace {

const QStringList targets = {QStringLiteral("user"),     QStringLiteral("system"), QStringLiteral("assistant"),
                             QStringLiteral("expected"), QStringLiteral("id"),     QStringLiteral("name"),
                             QStringLiteral("category")};

/** A JSON value as text: strings as they are, anything else as compact JSON. */
QString textOf(const Json &v)
{
    if (v.is_string())
        return qs(v.get_ref<const std::string &>());
    if (v.is_null())
        return {};
    return qs(v.dump());
}

} // namespace

Result<QHash<QString, QString>> ColumnMappingImporter::parseMapping(const QStringList &items)
{
    QHash<QString, QString> mapping;
    for (const QString &item : items) {
        for (const QString &pair : item.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const qsizetype eq = pair.indexOf(QLatin1Char('='));
            const QString target = pair.left(eq).trimmed();
            const QString column = eq < 0 ? QString() : pair.mid(eq + 1).trimmed();
            if (eq < 0 || column.isEmpty())
                return Error::badInput(tr("--map: \"%1\" is not TARGET=COLUMN").arg(pair));
            if (!targets.contains(target))
                return Error::badInput(tr("--map: unknown target \"%1\" (expected %2)")
                                           .arg(target, targets.join(QStringLiteral(", "))));
            mapping.insert(target, column);
        }
    }
    if (!mapping.contains(QStringLiteral("user")))
        return Error::badInput(tr("--map: the user column is required (e.g. --map user=question)"));
    return mapping;
}

QString ColumnMappingImporter::defaultName(const QString &path, const QStringList &) const
{
    return QFileInfo(path).completeBaseName();
}

Result<qint64> ColumnMappingImporter::convertFile(const QString &file, ScenarioSink &sink,
                                                  ImportProgress &progress) const
{
    if (!m_mapping.contains(QStringLiteral("user")))
        return Error::badInput(tr("%1: the generic import needs a column mapping with user=COLUMN").arg(file));
    const QString suffix = QFileInfo(file).suffix().toLower();
    if (suffix == QLatin1String("parquet"))
        return convertParquet(file, sink, progress);
    return suffix == QLatin1String("csv") ? convertCsv(file, sink, progress) : convertJsonl(file, sink, progress);
}

Result<TestScenario> ColumnMappingImporter::scenarioOf(const QString &file, qint64 row,
                                                       const QHash<QString, QString> &values) const
{
    TestScenario s;
    const QString base = QFileInfo(file).completeBaseName();
    const QString id = values.value(QStringLiteral("id"));
    s.id = id.isEmpty() ? QStringLiteral("generic_%1_%2").arg(base).arg(row) : id;
    const QString name = values.value(QStringLiteral("name"));
    s.name = name.isEmpty() ? QStringLiteral("%1 %2").arg(base).arg(row) : name;
    const QString category = values.value(QStringLiteral("category"));
    if (!category.isEmpty()) {
        const auto c = categoryFromKey(category);
        if (!c)
            return Error::badInput(tr("%1: row %2: unknown category \"%3\"").arg(file).arg(row).arg(category));
        s.category = *c;
    }
    const QString system = values.value(QStringLiteral("system"));
    if (!system.isEmpty())
        s.messages.append(ChatMessage{QStringLiteral("system"), system, Json::object()});
    s.messages.append(ChatMessage{QStringLiteral("user"), values.value(QStringLiteral("user")), Json::object()});
    const QString expected = values.contains(QStringLiteral("expected")) ? values.value(QStringLiteral("expected"))
                                                                          : values.value(QStringLiteral("assistant"));
    if (values.contains(QStringLiteral("expected")) || values.contains(QStringLiteral("assistant")))
        s.evaluationCriteria["expected_answer"] = ss(expected);
    s.provenance.sourceFile = file;
    s.provenance.row = row;
    return s;
}

Result<qint64> ColumnMappingImporter::convertJsonl(const QString &file, ScenarioSink &sink,
                                                   ImportProgress &progress) const
{
    JsonlReader reader(file);
    if (auto r = reader.open(); !r)
        return r.error();
    progress.beginFile();
    Json record;
    qint64 added = 0;
    QHash<QString, QString> values;
    for (;;) {
        auto more = reader.next(record);
        if (!more)
            return more.error();
        if (!*more)
            break;
        if (!record.is_object())
            return Error::badInput(reader.errorAt(tr("a record must be a JSON object")));
        values.clear();
        for (auto it = m_mapping.cbegin(); it != m_mapping.cend(); ++it) {
            const auto field = record.find(ss(it.value()));
            if (field == record.end())
                return Error::badInput(reader.errorAt(tr("no column \"%1\" (mapped to %2)").arg(it.value(), it.key())));
            values.insert(it.key(), textOf(*field));
        }
        auto s = scenarioOf(file, reader.recordIndex(), values);
        if (!s)
            return s.error();
        if (auto r = deliver(sink, *s, added, progress, reader.bytesRead(), file); !r)
            return r.error();
    }
    return finishFile(file, added, progress, reader.size());
}

Result<qint64> ColumnMappingImporter::convertCsv(const QString &file, ScenarioSink &sink,
                                                 ImportProgress &progress) const
{
    CsvReader reader(file, CsvReader::Options{true, 0, ','});
    if (auto r = reader.open(); !r)
        return r.error();
    progress.beginFile();
    const QStringList header = reader.header();
    QHash<QString, int> columns; // target -> field index
    for (auto it = m_mapping.cbegin(); it != m_mapping.cend(); ++it) {
        const qsizetype index = header.indexOf(it.value());
        if (index < 0)
            return Error::badInput(tr("%1:1: no column \"%2\" (mapped to %3); the header has: %4")
                                       .arg(file, it.value(), it.key(), header.join(QStringLiteral(", "))));
        columns.insert(it.key(), int(index));
    }
    qint64 added = 0;
    QHash<QString, QString> values;
    for (;;) {
        auto more = reader.next();
        if (!more)
            return more.error();
        if (!*more)
            break;
        values.clear();
        for (auto it = columns.cbegin(); it != columns.cend(); ++it)
            values.insert(it.key(), reader.fieldString(it.value()));
        auto s = scenarioOf(file, reader.recordIndex(), values);
        if (!s)
            return s.error();
        if (auto r = deliver(sink, *s, added, progress, reader.bytesRead(), file); !r)
            return r.error();
    }
    return finishFile(file, added, progress, reader.size());
}

Result<qint64> ColumnMappingImporter::convertParquet(const QString &file, ScenarioSink &sink,
                                                     ImportProgress &progress) const
{
    auto opened = ParquetFile::open(file);
    if (!opened)
        return opened.error();
    ParquetFile &parquet = **opened;
    progress.beginFile();
    QStringList names;
    for (const int child : parquet.schema().root().children)
        names.append(parquet.schema().node(child).name);
    // Checked against the schema up front: a wrong mapping fails before any page is decoded.
    QStringList projection;
    for (auto it = m_mapping.cbegin(); it != m_mapping.cend(); ++it) {
        if (!names.contains(it.value()))
            return Error::badInput(tr("%1: no column \"%2\" (mapped to %3); the file has: %4")
                                       .arg(file, it.value(), it.key(), names.join(QStringLiteral(", "))));
        if (!projection.contains(it.value()))
            projection.append(it.value());
    }
    const qint64 fileSize = QFileInfo(file).size();
    const qint64 totalRows = std::max<qint64>(1, parquet.rowCount());
    // Binary cells are never inlined: a mapped bytes column becomes a small reference, not megabytes of text.
    ParquetReadOptions options;
    options.inlineBinaryLimit = 0;
    qint64 added = 0;
    qint64 fileRow = 0;
    QHash<QString, QString> values;
    for (int g = 0; g < parquet.rowGroupCount(); ++g) {
        auto batch = parquet.readRowGroup(g, projection, options);
        if (!batch)
            return batch.error();
        for (const Json &row : std::as_const(batch->rows)) {
            values.clear();
            for (auto it = m_mapping.cbegin(); it != m_mapping.cend(); ++it)
                values.insert(it.key(), textOf(row.value(ss(it.value()), Json())));
            auto s = scenarioOf(file, fileRow, values);
            if (!s)
                return s.error();
            if (auto r = sink.add(*s); !r)
                return r.error();
            ++added;
            ++fileRow;
            if (!progress.update(fileSize * fileRow / totalRows))
                return cancelledError(file);
        }
    }
    if (added == 0)
        return Error::badInput(tr("%1: the file holds no rows").arg(file));
    progress.endFile(fileSize);
    return added;
}

} // namespace kx

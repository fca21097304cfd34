// SPDX-License-Identifier: GPL-3.0-or-later
#include "importpreviewmodel.h"

#include <QLocale>

namespace kx {

namespace {
// A cell is one line of a table: long texts (a ToolBench API list, a
// bytes_base64 blob) would only make the view slow and wide.
constexpr int displayLimit = 200;
constexpr int toolTipLimit = 1500;

QString cut(QString text, int limit)
{
    if (text.size() > limit)
        text = text.left(limit) + QChar(0x2026);
    return text;
}

const std::string valueKey = "value";

/** @p value with every {"bytes_ref": {"size": n}} replaced by a short "‹n bytes›" text. */
Json readableBinary(const Json &value)
{
    if (value.is_object()) {
        if (value.size() == 1 && value.contains("bytes_ref")) {
            const Json &size = value["bytes_ref"]["size"];
            const qint64 n = size.is_number_integer() ? size.get<qint64>() : 0;
            return ss(ImportPreviewModel::tr("‹%1 bytes›").arg(QLocale().toString(n)));
        }
        Json out = Json::object();
        for (const auto &[k, v] : value.items())
            out[k] = readableBinary(v);
        return out;
    }
    if (value.is_array()) {
        Json out = Json::array();
        for (const Json &v : value)
            out.push_back(readableBinary(v));
        return out;
    }
    return value;
}
} // namespace

ImportPreviewModel::ImportPreviewModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ImportPreviewModel::setRows(const Json &rows)
{
    beginResetModel();
    m_columns.clear();
    m_rows.clear();
    if (rows.is_array()) {
        for (const Json &row : rows) {
            if (row.is_object()) {
                for (const auto &[key, value] : row.items()) {
                    const QString name = qs(key);
                    if (!m_columns.contains(name))
                        m_columns.append(name);
                }
            } else if (!m_columns.contains(QLatin1String("value"))) {
                m_columns.append(QStringLiteral("value"));
            }
            m_rows.push_back(row);
        }
    }
    endResetModel();
}

void ImportPreviewModel::clear()
{
    setRows(Json());
}

const Json *ImportPreviewModel::cell(int row, int column) const
{
    if (row < 0 || row >= int(m_rows.size()) || column < 0 || column >= m_columns.size())
        return nullptr;
    const Json &record = m_rows[size_t(row)];
    const std::string key = ss(m_columns.at(column));
    const Json *value = nullptr;
    if (record.is_object()) {
        const auto it = record.find(key);
        if (it != record.end())
            value = &*it;
    } else if (key == valueKey) {
        value = &record;
    }
    return value;
}

QString ImportPreviewModel::fullText(int row, int column) const
{
    const Json *value = cell(row, column);
    if (!value)
        return {};
    if (value->is_string())
        return qs(value->get<std::string>());
    // Replacement rather than throwing: a preview shows broken UTF-8 too.
    return qs(value->dump(-1, ' ', false, Json::error_handler_t::replace));
}

int ImportPreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ImportPreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant ImportPreviewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    switch (role) {
    case Qt::DisplayRole: {
        const Json *value = cell(index.row(), index.column());
        if (!value)
            return QString();
        QString text = value->is_string()
            ? qs(value->get<std::string>())
            : qs(readableBinary(*value).dump(-1, ' ', false, Json::error_handler_t::replace));
        text = cut(text, displayLimit);
        // One line per row: newlines would make rows as tall as the answer.
        text.replace(QLatin1Char('\n'), QChar(0x21b5));
        text.remove(QLatin1Char('\r'));
        return text;
    }
    case Qt::ToolTipRole: {
        const QString text = fullText(index.row(), index.column());
        return text.isEmpty() ? QVariant() : QVariant(cut(text, toolTipLimit));
    }
    default:
        return {};
    }
}

QVariant ImportPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || section < 0)
        return {};
    if (orientation == Qt::Horizontal)
        return section < m_columns.size() ? QVariant(m_columns.at(section)) : QVariant();
    return section < int(m_rows.size()) ? QVariant(section + 1) : QVariant();
}

} // namespace kx

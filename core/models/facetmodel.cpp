// SPDX-License-Identifier: GPL-3.0-or-later
#include "facetmodel.h"

#include "model/audiocheckflags.h"
#include "models/futurereply.h"
#include "store/asyncworkspace.h"

#include <QLocale>

namespace kx {

FacetModel::FacetModel(Facet facet, AsyncWorkspace *workspace, QObject *parent)
    : QAbstractTableModel(parent)
    , m_facet(facet)
    , m_workspace(workspace)
{
    refresh();
}

QString FacetModel::title() const
{
    switch (m_facet) {
    case Facet::Category: return tr("Category");
    case Facet::Status: return tr("Status");
    case Facet::Capability: return tr("Capabilities");
    case Facet::AudioCheck: return tr("Audio checks");
    }
    return {};
}

int FacetModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_values.size());
}

int FacetModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FacetModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FacetCount &v = m_values.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == LabelColumn)
            return v.label.isEmpty() ? v.key : v.label;
        return QLocale().toString(v.count);
    case Qt::CheckStateRole:
        if (index.column() == LabelColumn)
            return m_checked.contains(v.key) ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == CountColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case Qt::ToolTipRole:
        return tr("%1: %2 scenarios").arg(v.label.isEmpty() ? v.key : v.label, QLocale().toString(v.count));
    case KeyRole: return v.key;
    case CountRole: return v.count;
    }
    return {};
}

bool FacetModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || index.column() != LabelColumn
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const QString key = m_values.at(index.row()).key;
    const bool check = value.value<Qt::CheckState>() == Qt::Checked;
    if (check == m_checked.contains(key))
        return true;
    if (check)
        m_checked.append(key);
    else
        m_checked.removeAll(key);
    emit dataChanged(index, index, {Qt::CheckStateRole});
    emit checkedChanged();
    return true;
}

QVariant FacetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == LabelColumn ? title() : tr("Count");
}

Qt::ItemFlags FacetModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (index.column() == LabelColumn)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

void FacetModel::setBaseFilter(const ScenarioFilter &filter)
{
    if (filter == m_base)
        return;
    m_base = filter;
    refresh();
}

void FacetModel::refresh()
{
    if (!m_workspace)
        return;
    const quint64 generation = ++m_generation;
    QFuture<Result<QList<FacetCount>>> future;
    switch (m_facet) {
    case Facet::Category: future = m_workspace->categoryFacet(m_base); break;
    case Facet::Status: future = m_workspace->statusFacet(m_base); break;
    case Facet::Capability: future = m_workspace->capabilityFacet(m_base); break;
    case Facet::AudioCheck: future = m_workspace->audioFlagFacet(m_base); break;
    }
    onFutureReady(this, future, [this, generation](Result<QList<FacetCount>> result) {
        if (generation != m_generation)
            return;
        if (!result) {
            emit errorOccurred(result.error().message);
            return;
        }
        apply(std::move(*result));
    });
}

void FacetModel::apply(QList<FacetCount> values)
{
    // A checked value with no hits left stays visible so it can be unchecked.
    for (const QString &key : std::as_const(m_checked)) {
        const bool present = std::any_of(values.cbegin(), values.cend(),
                                         [&](const FacetCount &v) { return v.key == key; });
        if (!present)
            values.append({key, key, 0});
    }
    bool sameKeys = values.size() == m_values.size();
    for (int i = 0; sameKeys && i < values.size(); ++i)
        sameKeys = values.at(i).key == m_values.at(i).key;
    if (sameKeys) {
        m_values = std::move(values);
        if (!m_values.isEmpty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    } else {
        beginResetModel();
        m_values = std::move(values);
        endResetModel();
    }
    emit loaded();
}

QStringList FacetModel::checkedKeys() const
{
    return m_checked;
}

void FacetModel::setCheckedKeys(const QStringList &keys)
{
    if (keys == m_checked)
        return;
    m_checked = keys;
    if (!m_values.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, 0), {Qt::CheckStateRole});
    emit checkedChanged();
}

void FacetModel::clearChecks()
{
    setCheckedKeys({});
}

void FacetModel::applyTo(ScenarioFilter &filter) const
{
    switch (m_facet) {
    case Facet::Category:
        filter.categories.clear();
        for (const QString &key : m_checked)
            if (const auto c = categoryFromKey(key))
                filter.categories.append(*c);
        break;
    case Facet::Status:
        filter.statuses.clear();
        for (const QString &key : m_checked)
            if (const auto s = reviewStatusFromKey(key))
                filter.statuses.append(*s);
        break;
    case Facet::Capability:
        filter.capabilities = m_checked;
        break;
    case Facet::AudioCheck:
        filter.audioFlags = 0;
        for (const QString &key : m_checked)
            if (const auto flag = AudioCheckFlags::fromKey(key))
                filter.audioFlags |= int(*flag);
        break;
    }
}

} // namespace kx

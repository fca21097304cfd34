// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenariotableview.h"

#include "models/scenariotablemodel.h"
#include "statusbadgedelegate.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QPainter>

namespace kx {

ScenarioTableView::ScenarioTableView(QWidget *parent)
    : QTableView(parent)
{
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setSortingEnabled(true);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    setShowGrid(false);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setTabKeyNavigation(false);  // Tab leaves the table, as in every other pane
    // Fixed heights: with ResizeToContents a million-row model would be measured row by row.
    verticalHeader()->setVisible(false);
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setSortIndicatorShown(true);
    horizontalHeader()->setSectionsMovable(true);
    horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    setItemDelegateForColumn(ScenarioTableModel::StatusColumn, new StatusBadgeDelegate(this));
    setAccessibleName(tr("Scenarios"));
}

void ScenarioTableView::setEmptyText(const QString &text)
{
    if (text == m_emptyText)
        return;
    m_emptyText = text;
    viewport()->update();
}

void ScenarioTableView::applyDefaultColumnWidths()
{
    QHeaderView *h = horizontalHeader();
    h->resizeSection(ScenarioTableModel::IdColumn, 150);
    h->resizeSection(ScenarioTableModel::NameColumn, 230);
    h->resizeSection(ScenarioTableModel::DatasetColumn, 150);
    h->resizeSection(ScenarioTableModel::CategoryColumn, 100);
    h->resizeSection(ScenarioTableModel::StatusColumn, 100);
    h->resizeSection(ScenarioTableModel::TurnsColumn, 60);
}

void ScenarioTableView::paintEvent(QPaintEvent *event)
{
    QTableView::paintEvent(event);
    if (m_emptyText.isEmpty() || !model() || model()->rowCount() > 0)
        return;
    QPainter painter(viewport());
    painter.setPen(palette().color(QPalette::Disabled, QPalette::Text));
    const QRect area = viewport()->rect().adjusted(24, 24, -24, -24);
    painter.drawText(area, Qt::AlignCenter | Qt::TextWordWrap, m_emptyText);
}

void ScenarioTableView::keyPressEvent(QKeyEvent *event)
{
    // Enter moves on to the conversation, like opening the item.
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && currentIndex().isValid()) {
        emit activated(currentIndex());
        return;
    }
    QTableView::keyPressEvent(event);
}

} // namespace kx

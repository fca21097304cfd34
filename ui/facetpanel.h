// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/scenarioquery.h"

#include <QList>
#include <QWidget>

class QSplitter;
class QTreeView;

namespace kx {

class AsyncWorkspace;
class FacetModel;

/**
 * The "Filters" sidebar: one checkable list per facet (category, status,
 * capability) with counts, stacked in a splitter. It owns the FacetModels of
 * the current workspace and reports check changes; the window composes the
 * filter.
 */
class FacetPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FacetPanel)

public:
    explicit FacetPanel(QWidget *parent = nullptr);
    ~FacetPanel() override;

    /** Replaces the models with ones on @p workspace (null: none). Not owned. */
    void setWorkspace(AsyncWorkspace *workspace);

    /** Writes every facet's checked values into @p filter. */
    void applyTo(ScenarioFilter &filter) const;
    /** Counts follow @p filter (each facet ignores its own part). */
    void setBaseFilter(const ScenarioFilter &filter);
    void refresh();
    /** Unchecks everything without emitting checkedChanged(). */
    void clearChecks();

    QSplitter *splitter() const { return m_splitter; }
    const QList<QTreeView *> &views() const { return m_views; }
    const QList<FacetModel *> &models() const { return m_models; }

    /** A tree styled for the sidebars (no root decoration, a little row padding). */
    static QTreeView *makeSidebarTree(const QString &objectName, QWidget *parent);

Q_SIGNALS:
    void checkedChanged();

private:
    QSplitter *m_splitter = nullptr;
    QList<QTreeView *> m_views;
    QList<FacetModel *> m_models;
    bool m_silent = false;
};

} // namespace kx

// SPDX-License-Identifier: GPL-3.0-or-later
#include "facetpanel.h"

#include "models/facetmodel.h"

#include <QHeaderView>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

namespace kx {

FacetPanel::FacetPanel(QWidget *parent)
    : QWidget(parent)
    , m_splitter(new QSplitter(Qt::Vertical, this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_splitter->setObjectName(QStringLiteral("facetSplitter"));
    m_splitter->setChildrenCollapsible(false);
    layout->addWidget(m_splitter);

    const QStringList names = {QStringLiteral("categoryFacetView"), QStringLiteral("statusFacetView"),
                               QStringLiteral("capabilityFacetView"), QStringLiteral("audioCheckFacetView")};
    for (const QString &name : names) {
        QTreeView *tree = makeSidebarTree(name, this);
        tree->header()->setSectionsClickable(false);
        m_views.append(tree);
        m_splitter->addWidget(tree);
    }
    // Category and status have four values each, audio checks six; capabilities get the rest.
    const int row = fontMetrics().height() + 8;
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 0);
    m_splitter->setStretchFactor(2, 1);
    m_splitter->setStretchFactor(3, 0);
    m_splitter->setSizes({row * 5 + 6, row * 5 + 6, row * 12, row * 7 + 6});
}

FacetPanel::~FacetPanel() = default;

QTreeView *FacetPanel::makeSidebarTree(const QString &objectName, QWidget *parent)
{
    auto *tree = new QTreeView(parent);
    tree->setObjectName(objectName);
    tree->setRootIsDecorated(false);
    tree->setUniformRowHeights(true);
    tree->setAllColumnsShowFocus(true);
    tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    tree->setFrameShape(QFrame::NoFrame);
    tree->header()->setStretchLastSection(false);
    // A little air between rows, as in native sidebars.
    tree->setStyleSheet(QStringLiteral("QTreeView::item { padding: 3px 0px; }"));
    return tree;
}

void FacetPanel::setWorkspace(AsyncWorkspace *workspace)
{
    for (QTreeView *view : std::as_const(m_views))
        view->setModel(nullptr);
    qDeleteAll(m_models);
    m_models.clear();
    if (!workspace)
        return;

    const FacetModel::Facet facets[] = {FacetModel::Facet::Category, FacetModel::Facet::Status,
                                        FacetModel::Facet::Capability, FacetModel::Facet::AudioCheck};
    for (int i = 0; i < m_views.size(); ++i) {
        auto *model = new FacetModel(facets[i], workspace, this);
        m_models.append(model);
        QTreeView *view = m_views.at(i);
        view->setModel(model);
        view->setAccessibleName(model->title());
        view->header()->setSectionResizeMode(FacetModel::LabelColumn, QHeaderView::Stretch);
        view->header()->setSectionResizeMode(FacetModel::CountColumn, QHeaderView::ResizeToContents);
        connect(model, &FacetModel::checkedChanged, this, [this] {
            if (!m_silent)
                emit checkedChanged();
        });
    }
}

void FacetPanel::applyTo(ScenarioFilter &filter) const
{
    for (const FacetModel *model : m_models)
        model->applyTo(filter);
}

void FacetPanel::setBaseFilter(const ScenarioFilter &filter)
{
    for (FacetModel *model : std::as_const(m_models))
        model->setBaseFilter(filter);
}

void FacetPanel::refresh()
{
    for (FacetModel *model : std::as_const(m_models))
        model->refresh();
}

void FacetPanel::clearChecks()
{
    // The window re-filters once after clearing everything, not per facet.
    m_silent = true;
    for (FacetModel *model : std::as_const(m_models))
        model->clearChecks();
    m_silent = false;
}

} // namespace kx

// SPDX-License-Identifier: GPL-3.0-or-later
#include "criteriaeditor.h"

#include "review/scenarioedits.h"

#include <QAbstractItemDelegate>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace kx {

namespace {
constexpr int kKeyRole = Qt::UserRole + 1; ///< the saved name of the row's criterion
} // namespace

CriteriaEditor::CriteriaEditor(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto *header = new QHBoxLayout;
    m_titleLabel = new QLabel(this);
    m_titleLabel->setStyleSheet(QStringLiteral("font-weight: bold;"));
    m_add = new QToolButton(this);
    m_add->setText(QStringLiteral("+"));
    m_add->setToolTip(tr("Add a criterion (Insert)"));
    m_add->setAccessibleName(tr("Add a criterion"));
    m_add->setAutoRaise(true);
    m_remove = new QToolButton(this);
    m_remove->setText(QStringLiteral("−"));
    m_remove->setToolTip(tr("Remove the selected criterion (Delete)"));
    m_remove->setAccessibleName(tr("Remove the selected criterion"));
    m_remove->setAutoRaise(true);
    for (QToolButton *b : {m_add, m_remove})
        b->setFocusPolicy(Qt::NoFocus);
    header->addWidget(m_titleLabel);
    header->addStretch(1);
    header->addWidget(m_add);
    header->addWidget(m_remove);
    m_table = new QTableWidget(0, 2, this);
    m_table->setObjectName(QStringLiteral("criteriaTable"));
    m_table->setAccessibleName(tr("Evaluation criteria"));
    m_table->setHorizontalHeaderLabels({tr("Criterion"), tr("Value")});
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(true);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_table->installEventFilter(this);
    layout->addLayout(header);
    layout->addWidget(m_table, 1);

    connect(m_add, &QToolButton::clicked, this, &CriteriaEditor::addCriterion);
    connect(m_remove, &QToolButton::clicked, this, &CriteriaEditor::removeCurrent);
    connect(m_table, &QTableWidget::itemChanged, this, &CriteriaEditor::onItemChanged);
    connect(m_table->itemDelegate(), &QAbstractItemDelegate::closeEditor, this, &CriteriaEditor::onEditorClosed);
    updateTitle();
}

template<typename Fn>
void CriteriaEditor::later(Fn fn)
{
    // Queued: the owner's save calls setCriteria(), which must not delete items inside the table's own signal.
    QMetaObject::invokeMethod(this, fn, Qt::QueuedConnection);
}

void CriteriaEditor::setCriteria(const Json &criteria, const QString &key)
{
    if (key == m_key && !key.isEmpty() && criteria == m_criteria)
        return;
    m_key = key;
    m_criteria = criteria;
    rebuild();
}

void CriteriaEditor::rebuild()
{
    const Json &criteria = m_criteria;
    const int row = m_table->currentRow();
    m_pendingRow = -1;
    m_pendingKey.clear();
    const QSignalBlocker block(m_table);
    m_table->setRowCount(0);
    const bool object = criteria.is_object();
    const auto addRow = [this](const QString &key, const Json &value, bool editable) {
        const int r = m_table->rowCount();
        m_table->insertRow(r);
        auto *name = new QTableWidgetItem(key);
        name->setData(kKeyRole, key);
        const QString text = ScenarioEdits::criterionValueText(value);
        auto *cell = new QTableWidgetItem(text);
        cell->setToolTip(text);
        if (!editable) {
            name->setFlags(name->flags() & ~Qt::ItemIsEditable);
            cell->setFlags(cell->flags() & ~Qt::ItemIsEditable);
        }
        m_table->setItem(r, 0, name);
        m_table->setItem(r, 1, cell);
    };
    if (object) {
        for (const auto &[key, value] : criteria.items())
            addRow(qs(key), value, true);
    } else if (!criteria.is_null()) {
        addRow(tr("value"), criteria, false);
    }
    m_table->resizeRowsToContents();
    if (m_table->rowCount() > 0)
        m_table->setCurrentCell(std::clamp(row, 0, m_table->rowCount() - 1), 0);
    m_add->setEnabled(object || criteria.is_null());
    updateTitle();
}

void CriteriaEditor::updateTitle()
{
    m_titleLabel->setText(tr("Evaluation criteria (%1)").arg(m_table->rowCount()));
    m_remove->setEnabled(m_criteria.is_object() && !m_criteria.empty());
}

void CriteriaEditor::addCriterion()
{
    if (m_pendingRow >= 0 || !m_add->isEnabled())
        return;
    {
        const QSignalBlocker block(m_table);
        m_pendingRow = m_table->rowCount();
        m_table->insertRow(m_pendingRow);
        m_table->setItem(m_pendingRow, 0, new QTableWidgetItem);
        m_table->setItem(m_pendingRow, 1, new QTableWidgetItem);
    }
    m_table->setFocus(Qt::ShortcutFocusReason);
    m_table->setCurrentCell(m_pendingRow, 0);
    m_table->editItem(m_table->item(m_pendingRow, 0));
}

void CriteriaEditor::removeCurrent()
{
    const int row = m_table->currentRow();
    if (row < 0 || !m_criteria.is_object())
        return;
    if (row == m_pendingRow) {
        later([this] { rebuild(); });
        m_pendingRow = -1;
        return;
    }
    const QString key = m_table->item(row, 0)->data(kKeyRole).toString();
    later([this, key] { Q_EMIT criterionRemoved(key); });
}

void CriteriaEditor::onItemChanged(QTableWidgetItem *item)
{
    const int row = item->row();
    const QString text = item->text();
    if (row == m_pendingRow) {
        if (item->column() == 0) {
            m_pendingKey = text.trimmed();
            if (!m_pendingKey.isEmpty()) // on to the value
                later([this, row] {
                    if (m_pendingRow == row)
                        m_table->editItem(m_table->item(row, 1));
                });
        } else if (!m_pendingKey.isEmpty()) {
            const QString key = m_pendingKey;
            later([this, key, text] { Q_EMIT criterionSet(key, text); });
        }
        return;
    }
    const QString key = m_table->item(row, 0)->data(kKeyRole).toString();
    if (item->column() == 0) {
        if (text.trimmed() != key)
            later([this, key, to = text.trimmed()] { Q_EMIT criterionRenamed(key, to); });
    } else if (m_criteria.is_object() && m_criteria.contains(ss(key))
               && text != ScenarioEdits::criterionValueText(m_criteria[ss(key)])) {
        later([this, key, text] { Q_EMIT criterionSet(key, text); });
    }
}

bool CriteriaEditor::editorOpen() const
{
    // Editors are children of the viewport; a closed one is hidden at once and deleted later.
    const auto children = m_table->viewport()->findChildren<QWidget *>(Qt::FindDirectChildrenOnly);
    return std::any_of(children.begin(), children.end(), [](const QWidget *w) { return w->isVisible(); });
}

void CriteriaEditor::onEditorClosed()
{
    if (m_pendingRow < 0)
        return;
    // A new row closed without a name is dropped; one with a name but no value yet is saved with an empty value
    // once its value editor closes, so a criterion is never half-added.
    later([this] {
        if (m_pendingRow < 0 || editorOpen())
            return;
        if (m_pendingKey.isEmpty()) {
            rebuild();
            return;
        }
        const QString key = m_pendingKey;
        const QTableWidgetItem *value = m_table->item(m_pendingRow, 1);
        if (value && value->text().isEmpty())
            Q_EMIT criterionSet(key, QString());
    });
}

bool CriteriaEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table && (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress)) {
        // The table's own keys win over the review page's shortcuts.
        auto *key = static_cast<QKeyEvent *>(event);
        const bool plain = key->modifiers() == Qt::NoModifier;
        const int k = key->key();
        const bool own = plain && (k == Qt::Key_Up || k == Qt::Key_Down || k == Qt::Key_Left || k == Qt::Key_Right
                                   || k == Qt::Key_Home || k == Qt::Key_End || k == Qt::Key_Delete
                                   || k == Qt::Key_Insert || k == Qt::Key_F2);
        if (event->type() == QEvent::ShortcutOverride) {
            if (own)
                event->accept();
        } else if (plain && k == Qt::Key_Delete) {
            removeCurrent();
            return true;
        } else if (plain && k == Qt::Key_Insert) {
            addCriterion();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace kx

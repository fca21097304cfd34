// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/jsonqt.h"

#include <QWidget>

class QLabel;
class QTableWidget;
class QTableWidgetItem;
class QToolButton;

namespace kx {

/**
 * A scenario's evaluation criteria as an editable two-column table (name,
 * value). Values are shown and typed as ScenarioEdits::criterionValueText /
 * criterionValueFromText read them: text, or JSON for numbers, booleans,
 * arrays and objects. "+" (or Insert) adds a row: type the name, then the
 * value; Delete or "−" removes the current row. The widget only asks
 * (criterionSet, criterionRenamed, criterionRemoved, emitted after the editor
 * closed); the owner saves and shows the saved criteria with setCriteria().
 */
class CriteriaEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CriteriaEditor)

public:
    explicit CriteriaEditor(QWidget *parent = nullptr);

    /**
     * Shows @p criteria of the scenario named by @p key (an object; anything
     * else is shown as one "value" row, read-only). The same criteria of the
     * same scenario again change nothing, so an edit in progress stays.
     */
    void setCriteria(const Json &criteria, const QString &key);
    QTableWidget *table() const { return m_table; }

public Q_SLOTS:
    void addCriterion();
    void removeCurrent();

Q_SIGNALS:
    /** Criterion @p key (new or existing) should hold the value typed as @p valueText. */
    void criterionSet(const QString &key, const QString &valueText);
    void criterionRenamed(const QString &from, const QString &to);
    void criterionRemoved(const QString &key);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void rebuild();
    void onItemChanged(QTableWidgetItem *item);
    void onEditorClosed();
    bool editorOpen() const;
    void updateTitle();
    template<typename Fn>
    void later(Fn fn);

    Json m_criteria = Json::object();
    QString m_key;
    QLabel *m_titleLabel = nullptr;
    QTableWidget *m_table = nullptr;
    QToolButton *m_add = nullptr;
    QToolButton *m_remove = nullptr;
    int m_pendingRow = -1;     ///< the row addCriterion() made, not saved yet
    QString m_pendingKey;
};

} // namespace kx

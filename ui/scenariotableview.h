// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTableView>

namespace kx {

/**
 * The scenario table: single row selection, uniform fixed row heights (the
 * model may hold millions of rows, so the view must never measure them),
 * elided text, a status badge column and a centred hint when there is
 * nothing to show.
 */
class ScenarioTableView final : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScenarioTableView)

public:
    explicit ScenarioTableView(QWidget *parent = nullptr);

    /** The hint painted over an empty table; empty paints nothing. */
    void setEmptyText(const QString &text);
    QString emptyText() const { return m_emptyText; }

    /** Column widths for a first start, before any saved header state. */
    void applyDefaultColumnWidths();

protected:
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    QString m_emptyText;
};

} // namespace kx

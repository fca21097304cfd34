// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/testscenario.h"

#include <QWidget>

class QLabel;
class QSplitter;
class QStackedWidget;
class QTextBrowser;
class QTreeWidget;

namespace kx {

/**
 * Shows one scenario: its messages as a chat transcript (one bubble per turn,
 * coloured by role) and, beside it, the memory requirements, expected
 * capabilities, evaluation criteria, category, status and provenance.
 * With no scenario it shows a short hint instead.
 */
class ScenarioDetailView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScenarioDetailView)

public:
    explicit ScenarioDetailView(QWidget *parent = nullptr);

    void setScenario(const TestScenario &scenario);
    void clear();
    /** Marks these words (a search's terms) wherever they start a word of the transcript. */
    void setHighlightTerms(const QStringList &terms);
    /** Shows @p message (e.g. a load error) instead of a scenario. */
    void showMessage(const QString &message);

    bool hasScenario() const { return m_hasScenario; }
    const TestScenario &scenario() const { return m_scenario; }
    /** The transcript as plain text, for tests and copy. */
    QString transcriptText() const;

    QSplitter *splitter() const { return m_splitter; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();
    QString transcriptHtml() const;
    void fillProperties();

    TestScenario m_scenario;
    bool m_hasScenario = false;
    QStringList m_highlightTerms;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_placeholder = nullptr;
    QSplitter *m_splitter = nullptr;
    QTextBrowser *m_transcript = nullptr;
    QTreeWidget *m_properties = nullptr;
};

} // namespace kx

// SPDX-License-Identifier: GPL-3.0-or-later
// The prompt template editor, offscreen, on a real workspace file.
#include "settings/settings.h"
#include "store/asyncworkspace.h"
#include "store/prompttemplatestore.h"
#include "store/workspacestore.h"
#include "templates/placeholderchips.h"
#include "templates/prompttemplateeditor.h"
#include "templates/prompttemplateform.h"

#include <QDir>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTest>
#include <QTreeWidget>

using namespace kx;

namespace {

const QString memoryId = QStringLiteral("memory_recall");

/** Writes a picture of @p w when KX_SCREENSHOT_DIR is set, for a look at the layout. */
void screenshot(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("KX_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    QVERIFY(w->grab().save(QDir(dir).filePath(name)));
}

} // namespace

class TestPromptTemplateEditor final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void loadsTheTemplates();
    void editUpdatesPreviewAndSaves();
    void brokenEditShowsAnErrorAndSavesNothing();
    void brokenDefaultsShowAnError();
    void olderVersionIsReadOnlyAndRestores();
    void draftsSurviveSwitchingTemplates();

private:
    /** The saved versions of @p id, read on a connection of the test's own. */
    QList<StoredPromptTemplate> storedVersions(const QString &id);
    /** Types @p text at the end of the user message and waits for the debounced preview. */
    bool typeIntoUser(const QString &text);

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<AsyncWorkspace> m_workspace;
    std::unique_ptr<PromptTemplateEditor> m_editor;
};

void TestPromptTemplateEditor::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("KairixTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_prompttemplateeditor"));
    Settings::reviewerName().setValue(QStringLiteral("Test Reviewer"));
    QVERIFY(m_dir.isValid());
}

void TestPromptTemplateEditor::init()
{
    static int n = 0;
    m_path = m_dir.filePath(QStringLiteral("ws%1.kairix").arg(++n));
    m_workspace = std::make_unique<AsyncWorkspace>();
    auto opened = m_workspace->open(m_path);
    opened.waitForFinished();
    QVERIFY(opened.result().ok());
    m_editor = std::make_unique<PromptTemplateEditor>(m_workspace.get());
    QSignalSpy loaded(m_editor.get(), &PromptTemplateEditor::templateLoaded);
    m_editor->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 5000);
    QCOMPARE(m_editor->currentTemplateId(), memoryId);
}

void TestPromptTemplateEditor::cleanup()
{
    m_editor.reset();
    m_workspace.reset();
}

QList<StoredPromptTemplate> TestPromptTemplateEditor::storedVersions(const QString &id)
{
    auto store = WorkspaceStore::open(m_path);
    if (!store)
        qFatal("open: %s", qPrintable(store.error().message));
    auto versions = PromptTemplateStore(**store).versions(id);
    if (!versions)
        qFatal("versions: %s", qPrintable(versions.error().message));
    return *versions;
}

bool TestPromptTemplateEditor::typeIntoUser(const QString &text)
{
    QPlainTextEdit *user = m_editor->form()->userEdit();
    user->setFocus();
    user->moveCursor(QTextCursor::End);
    QSignalSpy updated(m_editor.get(), &PromptTemplateEditor::previewUpdated);
    QTest::keyClicks(user, text);
    return updated.wait(3000); // the preview waits for a pause in typing
}

void TestPromptTemplateEditor::loadsTheTemplates()
{
    QCOMPARE(m_editor->templateList()->count(), 5);
    QTRY_VERIFY(m_editor->templateList()->item(0)->text().contains(QStringLiteral("v1")));
    QCOMPARE(m_editor->versionList()->topLevelItemCount(), 1);
    QVERIFY(m_editor->versionList()->topLevelItem(0)->text(1).contains(QStringLiteral("built-in")));
    QVERIFY(m_editor->isEditable());
    QCOMPARE(m_editor->newestVersion(), 1);
    QVERIFY(m_editor->errorText().isEmpty());
    QVERIFY(!m_editor->saveButton()->isEnabled()); // nothing changed yet

    // The preview is the rendered request: the profile is filled in, no slot is left.
    const QString preview = m_editor->previewText();
    QVERIFY2(preview.contains(QStringLiteral("Agent profile: ")), qPrintable(preview));
    QVERIFY(!preview.contains(QStringLiteral("{{")));
    QCOMPARE(m_editor->form()->chips()->slotNames(),
             (QStringList{QStringLiteral("agent_profile"), QStringLiteral("facts"), QStringLiteral("history_turns")}));
    QVERIFY(m_editor->form()->chips()->unusedSlots().isEmpty());

    // Another template: its versions load and its text is shown.
    QSignalSpy loaded(m_editor.get(), &PromptTemplateEditor::templateLoaded);
    m_editor->templateList()->setCurrentRow(4);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 5000);
    QCOMPARE(m_editor->currentTemplateId(), QStringLiteral("fusion"));
    QVERIFY(m_editor->form()->userEdit()->toPlainText().contains(QStringLiteral("{{persona}}")));
    QVERIFY(m_editor->previewText().contains(QStringLiteral("A user asks it this knowledge question")));
    screenshot(m_editor.get(), QStringLiteral("prompttemplateeditor-loaded.png"));
}

void TestPromptTemplateEditor::editUpdatesPreviewAndSaves()
{
    QVERIFY(typeIntoUser(QStringLiteral(" Keep it under 80 words.")));
    QVERIFY(m_editor->hasUnsavedChanges());
    QVERIFY2(m_editor->previewText().contains(QStringLiteral("Keep it under 80 words.")),
             qPrintable(m_editor->previewText()));
    QVERIFY(m_editor->changesText().contains(QStringLiteral("Keep it under 80 words.")));
    QVERIFY(m_editor->errorText().isEmpty());
    QVERIFY(m_editor->saveButton()->isEnabled());
    QVERIFY(m_editor->saveButton()->text().contains(QLatin1Char('2')));
    QVERIFY(storedVersions(memoryId).isEmpty());
    if (auto *changes = m_editor->findChild<QTextBrowser *>(QStringLiteral("templateChanges"))) {
        // The pane sits in the tab widget's stack: show it for the picture.
        if (auto *tabs = qobject_cast<QTabWidget *>(changes->parentWidget()->parentWidget()))
            tabs->setCurrentWidget(changes);
        screenshot(m_editor.get(), QStringLiteral("prompttemplateeditor-changes.png"));
    }

    QSignalSpy saved(m_editor.get(), &PromptTemplateEditor::saved);
    QSignalSpy loaded(m_editor.get(), &PromptTemplateEditor::templateLoaded);
    QTest::mouseClick(m_editor->saveButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 5000);
    QCOMPARE(saved.first().first().value<PromptTemplate>().version(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 5000);

    // Listed, shown and current; the editors are clean again.
    QCOMPARE(m_editor->versionList()->topLevelItemCount(), 2);
    QVERIFY(m_editor->versionList()->topLevelItem(0)->text(0).contains(QStringLiteral("v2")));
    QCOMPARE(m_editor->versionList()->topLevelItem(0)->text(1), QStringLiteral("Test Reviewer"));
    QCOMPARE(m_editor->shownVersion(), 2);
    QVERIFY(m_editor->isEditable());
    QVERIFY(!m_editor->hasUnsavedChanges());
    QVERIFY(!m_editor->saveButton()->isEnabled());
    QVERIFY(m_editor->templateList()->item(0)->text().contains(QStringLiteral("v2")));

    const QList<StoredPromptTemplate> stored = storedVersions(memoryId);
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.first().promptTemplate.version(), 2);
    QCOMPARE(stored.first().author, QStringLiteral("Test Reviewer"));
    QVERIFY(stored.first().promptTemplate.userText().endsWith(QStringLiteral(" Keep it under 80 words.")));
}

void TestPromptTemplateEditor::brokenEditShowsAnErrorAndSavesNothing()
{
    QPlainTextEdit *user = m_editor->form()->userEdit();
    QSignalSpy updated(m_editor.get(), &PromptTemplateEditor::previewUpdated);
    user->setPlainText(user->toPlainText().replace(QStringLiteral("{{facts}}"), QStringLiteral("a few details")));
    QTRY_VERIFY_WITH_TIMEOUT(updated.size() > 0, 3000);

    QVERIFY2(m_editor->errorText().contains(QStringLiteral("{{facts}}")), qPrintable(m_editor->errorText()));
    QVERIFY(m_editor->errorText().contains(memoryId));
    QVERIFY(!m_editor->saveButton()->isEnabled());
    QCOMPARE(m_editor->form()->chips()->unusedSlots(), QStringList{QStringLiteral("facts")});
    screenshot(m_editor.get(), QStringLiteral("prompttemplateeditor-error.png"));

    // Saving anyway (the button is off, the call is not) is refused on the spot.
    QSignalSpy failed(m_editor.get(), &PromptTemplateEditor::saveFailed);
    QSignalSpy saved(m_editor.get(), &PromptTemplateEditor::saved);
    m_editor->save();
    QCOMPARE(failed.size(), 1);
    QVERIFY(failed.first().first().toString().contains(QStringLiteral("{{facts}}")));
    QTest::qWait(200);
    QCOMPARE(saved.size(), 0);
    QVERIFY(storedVersions(memoryId).isEmpty());

    // A misspelled slot is marked as well.
    user->setPlainText(user->toPlainText() + QStringLiteral(" {{fact}}"));
    m_editor->refreshNow();
    QVERIFY2(m_editor->errorText().contains(QStringLiteral("{{fact}}")), qPrintable(m_editor->errorText()));
}

void TestPromptTemplateEditor::brokenDefaultsShowAnError()
{
    QPlainTextEdit *defaults = m_editor->form()->defaultsEdit();
    defaults->setPlainText(QStringLiteral("{\n  \"temperature\": 0.8,\n  \"max_tokens\": \n}"));
    m_editor->refreshNow();
    QVERIFY2(m_editor->errorText().contains(QStringLiteral("Defaults")), qPrintable(m_editor->errorText()));
    QVERIFY(m_editor->errorText().contains(QStringLiteral("line 4")));
    QVERIFY(!m_editor->saveButton()->isEnabled());

    defaults->setPlainText(QStringLiteral("[1, 2]"));
    m_editor->refreshNow();
    QVERIFY2(m_editor->errorText().contains(QStringLiteral("object")), qPrintable(m_editor->errorText()));

    // A valid change to the defaults is fine and shows in the preview's options line.
    defaults->setPlainText(QStringLiteral("{\"temperature\": 0.25, \"history_turns\": 4, \"facts_per_scenario\": 3}"));
    m_editor->refreshNow();
    QVERIFY2(m_editor->errorText().isEmpty(), qPrintable(m_editor->errorText()));
    QVERIFY(m_editor->previewText().contains(QStringLiteral("temperature 0.25")));
    QVERIFY(m_editor->saveButton()->isEnabled());
}

void TestPromptTemplateEditor::olderVersionIsReadOnlyAndRestores()
{
    QVERIFY(typeIntoUser(QStringLiteral(" Version two.")));
    QSignalSpy loaded(m_editor.get(), &PromptTemplateEditor::templateLoaded);
    m_editor->save();
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 5000);
    QCOMPARE(m_editor->newestVersion(), 2);

    // The built-in version: read-only, with the restore button.
    m_editor->versionList()->setCurrentItem(m_editor->versionList()->topLevelItem(1));
    QCOMPARE(m_editor->shownVersion(), 1);
    QVERIFY(!m_editor->isEditable());
    QVERIFY(m_editor->form()->userEdit()->isReadOnly());
    QVERIFY(!m_editor->form()->userEdit()->toPlainText().contains(QStringLiteral("Version two.")));
    QVERIFY(m_editor->restoreButton()->isVisible());
    QVERIFY(m_editor->restoreButton()->isEnabled());
    QVERIFY(!m_editor->saveButton()->isEnabled());
    screenshot(m_editor.get(), QStringLiteral("prompttemplateeditor-readonly.png"));

    QSignalSpy saved(m_editor.get(), &PromptTemplateEditor::saved);
    QTest::mouseClick(m_editor->restoreButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 2, 5000);
    QCOMPARE(m_editor->newestVersion(), 3);
    QCOMPARE(m_editor->shownVersion(), 3);
    QVERIFY(m_editor->isEditable());
    const QList<StoredPromptTemplate> stored = storedVersions(memoryId);
    QCOMPARE(stored.size(), 2);
    QVERIFY(!stored.last().promptTemplate.userText().contains(QStringLiteral("Version two.")));
}

void TestPromptTemplateEditor::draftsSurviveSwitchingTemplates()
{
    QVERIFY(typeIntoUser(QStringLiteral(" Draft text.")));
    QVERIFY(m_editor->templateList()->item(0)->text().contains(QStringLiteral("✎")));

    QSignalSpy loaded(m_editor.get(), &PromptTemplateEditor::templateLoaded);
    m_editor->selectTemplate(QStringLiteral("augment"));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 5000);
    QVERIFY(!m_editor->hasUnsavedChanges());
    QVERIFY(m_editor->previewText().contains(QStringLiteral("chemical symbol for gold")));

    m_editor->selectTemplate(memoryId);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 2, 5000);
    QVERIFY(m_editor->hasUnsavedChanges());
    QVERIFY(m_editor->form()->userEdit()->toPlainText().endsWith(QStringLiteral(" Draft text.")));

    // Discarding brings the saved text back; nothing was ever stored.
    QVERIFY(m_editor->discardButton()->isEnabled());
    QTest::mouseClick(m_editor->discardButton(), Qt::LeftButton);
    QVERIFY(!m_editor->hasUnsavedChanges());
    QVERIFY(!m_editor->form()->userEdit()->toPlainText().contains(QStringLiteral("Draft text.")));
    QVERIFY(!m_editor->templateList()->item(0)->text().contains(QStringLiteral("✎")));
    QVERIFY(storedVersions(memoryId).isEmpty());
}

QTEST_MAIN(TestPromptTemplateEditor)
#include "tst_prompttemplateeditor.moc"

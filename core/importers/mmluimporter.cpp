// SPDX-License-Identifier: GPL-3.0-or-later
#include "mmluimporter.h"

#include "formats/csvreader.h"

#include <QFileInfo>

namespace kx {

std::pair<QString, QString> MmluImporter::subjectAndSplit(const QString &file)
{
    const QString base = QFileInfo(file).completeBaseName();
    for (const char *split : {"dev", "val", "test"}) {
        const QString suffix = QLatin1Char('_') + QLatin1String(split);
        if (base.endsWith(suffix) && base.size() > suffix.size())
            return {base.chopped(suffix.size()), QLatin1String(split)};
    }
    return {base, QString()};
}

QString MmluImporter::defaultName(const QString &, const QStringList &files) const
{
    QString split;
    for (const QString &f : files) {
        const QString s = subjectAndSplit(f).second;
        if (s.isEmpty() || (!split.isEmpty() && s != split))
            return QStringLiteral("MMLU");
        split = s;
    }
    return split.isEmpty() ? QStringLiteral("MMLU") : QStringLiteral("MMLU ") + split;
}

Result<qint64> MmluImporter::convertFile(const QString &file, ScenarioSink &sink,
                                         ImportProgress &progress) const
{
    CsvReader reader(file, CsvReader::Options{false, 6, ','});
    if (auto r = reader.open(); !r)
        return r.error();
    progress.beginFile();

    const auto [subject, split] = subjectAndSplit(file);
    QString idPrefix = QStringLiteral("mmlu_") + subject + QLatin1Char('_');
    if (!split.isEmpty())
        idPrefix += split + QLatin1Char('_');
    const QString namePrefix = split.isEmpty() ? QStringLiteral("MMLU %1 ").arg(subject)
                                               : QStringLiteral("MMLU %1 %2 ").arg(subject, split);

    TestScenario scenario;
    scenario.category = Category::Benchmark;
    scenario.expectedCapabilities = {QStringLiteral("knowledge_recall"), QStringLiteral("multiple_choice")};
    scenario.provenance.sourceFile = file;
    scenario.provenance.config = subject;
    scenario.provenance.split = split;
    scenario.messages = {ChatMessage{QStringLiteral("user"), QString(), Json::object()}};

    static const char *const letters[] = {"A", "B", "C", "D"};
    qint64 added = 0;
    QString content;
    for (;;) {
        auto more = reader.next();
        if (!more)
            return more.error();
        if (!*more)
            break;
        const QByteArrayView answer = reader.field(5).trimmed();
        if (answer.size() != 1 || answer[0] < 'A' || answer[0] > 'D')
            return Error::badInput(reader.errorAt(tr("the answer must be A, B, C or D, found \"%1\"")
                                                      .arg(QString::fromUtf8(answer))));
        content = reader.fieldString(0);
        Json choices = Json::array();
        for (int i = 0; i < 4; ++i) {
            const QByteArrayView choice = reader.field(i + 1);
            content += QLatin1Char('\n') + QLatin1String(letters[i]) + QLatin1String(". ")
                       + QString::fromUtf8(choice);
            choices.push_back(std::string(choice.data(), size_t(choice.size())));
        }
        const qint64 row = reader.recordIndex();
        const QString number = QString::number(row);
        scenario.id = idPrefix + number;
        scenario.name = namePrefix + number;
        scenario.messages[0].content = content;
        scenario.provenance.row = row;
        Json criteria = Json::object();
        criteria["expected_answer"] = std::string(1, answer[0]);
        criteria["exact_match"] = 1.0;
        criteria["choices"] = std::move(choices);
        scenario.evaluationCriteria = std::move(criteria);

        if (auto r = deliver(sink, scenario, added, progress, reader.bytesRead(), file); !r)
            return r.error();
    }
    return finishFile(file, added, progress, reader.size());
}

} // namespace kx

// SPDX-License-Identifier: GPL-3.0-or-later
#include "reviewcommand.h"

#include "commandparser.h"
#include "review/humanreviews.h"
#include "settings/settings.h"
#include "store/sqlitestatement.h"
#include "util/jsonqt.h"

#include <QCommandLineParser>
#include <QDir>

using namespace kx;

Result<qint64> ReviewCommand::resolve(WorkspaceStore &store, const QString &id, qint64 datasetId)
{
    auto stmt = SqliteStatement::prepare(
        store.handle(), "SELECT rowid, dataset_id FROM scenarios WHERE uid = ?1 AND (?2 = 0 OR dataset_id = ?2) LIMIT 10");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, id);
    stmt->bind(2, datasetId);
    QList<std::pair<qint64, qint64>> found;
    if (auto r = stmt->forEachRow([&] { found.append({stmt->columnInt(0), stmt->columnInt(1)}); }); !r)
        return r.error();
    if (found.size() == 1)
        return found.first().first;
    if (found.size() > 1) {
        QStringList datasets;
        for (const auto &[row, dataset] : std::as_const(found))
            datasets.append(QString::number(dataset));
        return Error::badInput(tr("scenario \"%1\" is in datasets %2; say which with --dataset")
                                   .arg(id, datasets.join(QStringLiteral(", "))));
    }
    bool numeric = false;
    const qint64 rowId = id.toLongLong(&numeric);
    if (numeric && datasetId == 0) {
        if (auto s = store.scenario(rowId); s)
            return rowId;
    }
    return Error::notFound(tr("%1: there is no scenario \"%2\"").arg(store.path(), id));
}

int ReviewCommand::run(const QStringList &args, const StoreOpener &openStore)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Record a reviewer's verdict and scores for one scenario, durably, "
                                        "with an audit-trail entry."));
    parser.addPositionalArgument(QStringLiteral("ID"), tr("The scenario's id, or its row id."));
    const QCommandLineOption verdict(QStringLiteral("verdict"), tr("accept, reject or skip."), QStringLiteral("VERDICT"));
    const QCommandLineOption score(QStringLiteral("score"),
                                   tr("CRITERION=VALUE, value 0–1; criteria: clarity, complexity, coverage, realism "
                                      "(repeatable)."),
                                   QStringLiteral("CRITERION=VALUE"));
    const QCommandLineOption reviewer(QStringLiteral("reviewer"), tr("Who reviews (default: the login name)."),
                                      QStringLiteral("NAME"));
    const QCommandLineOption comment(QStringLiteral("comment"), tr("A comment kept with the review."), QStringLiteral("TEXT"));
    const QCommandLineOption dataset(QStringLiteral("dataset"), tr("The dataset, when several hold the id."),
                                     QStringLiteral("ID"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the result as JSON."));
    parser.addOptions({verdict, score, reviewer, comment, dataset, json});
    int exitCode = CommandParser::Done;
    if (!CommandParser::parse(parser, QStringLiteral("review"), args, exitCode))
        return exitCode;
    if (parser.positionalArguments().size() != 1)
        return CommandParser::usageError(tr("review needs exactly one scenario ID"));
    if (!parser.isSet(verdict) && !parser.isSet(score) && !parser.isSet(comment))
        return CommandParser::usageError(tr("review needs --verdict, --score or --comment"));

    HumanReview review;
    review.at = QDateTime::currentDateTimeUtc();
    review.reviewer = parser.isSet(reviewer) ? parser.value(reviewer).trimmed() : Settings::reviewerName().value();
    if (review.reviewer.isEmpty() && !parser.isSet(reviewer))
        review.reviewer = QDir::home().dirName(); // no USER in the environment (a service, a container)
    if (review.reviewer.isEmpty())
        return CommandParser::usageError(tr("--reviewer needs a name"));
    if (parser.isSet(verdict)) {
        const QString v = parser.value(verdict);
        if (v == QLatin1String("accept"))
            review.verdict = ReviewStatus::Accepted;
        else if (v == QLatin1String("reject"))
            review.verdict = ReviewStatus::Rejected;
        else if (v == QLatin1String("skip"))
            review.verdict = ReviewStatus::Skipped;
        else
            return CommandParser::usageError(tr("--verdict must be accept, reject or skip, not \"%1\"").arg(v));
    }
    for (const QString &s : parser.values(score)) {
        const qsizetype eq = s.indexOf(QLatin1Char('='));
        const auto criterion = criterionFromKey(s.left(eq).trimmed());
        bool ok = false;
        const double value = s.mid(eq + 1).toDouble(&ok);
        if (eq <= 0 || !criterion)
            return CommandParser::usageError(tr("--score needs CRITERION=VALUE with a criterion of clarity, complexity, "
                                                "coverage, realism; got \"%1\"").arg(s));
        if (!ok || value < 0 || value > 1)
            return CommandParser::usageError(tr("--score %1: the value must be a number from 0 to 1").arg(s));
        review.setScore(*criterion, value);
    }
    review.comment = parser.value(comment);
    qint64 datasetId = 0;
    if (parser.isSet(dataset)) {
        bool ok = false;
        datasetId = parser.value(dataset).toLongLong(&ok);
        if (!ok)
            return CommandParser::usageError(tr("--dataset needs a numeric ID"));
    }

    auto store = openStore();
    if (!store)
        return CommandParser::fail(store.error().message);
    auto rowId = resolve(**store, parser.positionalArguments().first(), datasetId);
    if (!rowId)
        return CommandParser::fail(rowId.error().message);
    auto before = (*store)->scenario(*rowId);
    if (!before)
        return CommandParser::fail(before.error().message);
    // Scores and comment given earlier by the same reviewer stay unless given again.
    if (const auto earlier = HumanReviews::of(*before, review.reviewer)) {
        if (!review.verdict)
            review.verdict = earlier->verdict;
        for (Criterion c : allCriteria) {
            if (!review.score(c))
                review.setScore(c, earlier->score(c));
        }
        if (review.comment.isEmpty())
            review.comment = earlier->comment;
    }
    const TestScenario after = HumanReviews::withReview(*before, review);
    auto event = (*store)->updateScenario(*rowId, after, review.reviewer, QStringLiteral("review"));
    if (!event)
        return CommandParser::fail(event.error().message);

    if (parser.isSet(json)) {
        Json out = Json::object();
        out["id"] = ss(after.id);
        out["row_id"] = *rowId;
        out["status"] = ss(reviewStatusKey(after.status));
        out["reviewer"] = ss(review.reviewer);
        out["review"] = review.toJson();
        out["event_id"] = event->id;
        CommandParser::printLine(qs(dumpCompact(out)));
    } else {
        CommandParser::printLine(tr("%1: %2 by %3.").arg(after.id, reviewStatusLabel(after.status), review.reviewer));
    }
    return CommandParser::Done;
}

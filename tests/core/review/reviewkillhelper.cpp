// SPDX-License-Identifier: GPL-3.0-or-later
// A stand-in for the workbench in the durability test: opens the review queue on WORKSPACE as
// REVIEWER, scores and accepts the first scenario, rejects the second, prints "done ROWID ROWID"
// once the last verdict was reported saved, then idles until it is killed.
#include "review/scenarioreviewsession.h"
#include "store/asyncworkspace.h"

#include <QCoreApplication>

#include <cstdio>

using namespace kx;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: kx_review_kill_helper WORKSPACE REVIEWER\n");
        return 2;
    }
    AsyncWorkspace workspace;
    if (const auto opened = workspace.open(args[1]).result(); !opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message));
        return 1;
    }
    ScenarioReviewSession session(&workspace);
    session.setReviewer(args[2]);
    QList<qint64> judged;
    QObject::connect(&session, &ScenarioReviewSession::errorOccurred, &app, [](const QString &message) {
        std::fprintf(stderr, "%s\n", qPrintable(message));
        QCoreApplication::exit(1);
    });
    QObject::connect(&session, &ScenarioReviewSession::currentChanged, &app, [&] {
        if (!session.hasCurrent() || judged.contains(session.currentRowId()) || judged.size() == 2)
            return;
        judged.append(session.currentRowId());
        if (judged.size() == 1) {
            session.scoreFocused(5);
            session.accept();
        } else {
            session.reject();
        }
    });
    int verdicts = 0;
    QObject::connect(&session, &ScenarioReviewSession::saved, &app, [&](qint64, const QString &action) {
        if (action == QLatin1String("verdict") && ++verdicts == 2) {
            std::printf("done %lld %lld\n", static_cast<long long>(judged[0]), static_cast<long long>(judged[1]));
            std::fflush(stdout);
        }
    });
    session.setQueue({});
    return app.exec();
}

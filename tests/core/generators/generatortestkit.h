// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by the generator suites: run a generator against the real offline backend.

#include "generation/generators/generatorregistry.h"
#include "generation/generators/offlinebackend.h"
#include "importers/importservice.h"
#include "store/workspacestore.h"

#include <QTest>

namespace kx::testkit {

/** The default registry; fails the test when a built-in template does not load. */
inline std::shared_ptr<const GeneratorRegistry> registry()
{
    auto r = GeneratorRegistry::createDefault();
    if (!r)
        qFatal("registry: %s", qPrintable(r.error().message));
    return *r;
}

inline GenerationMaterial builtInMaterial()
{
    auto m = GenerationMaterial::builtIn();
    if (!m)
        qFatal("material: %s", qPrintable(m.error().message));
    return *m;
}

/** Options for a job with @p seed over the built-in material (or @p material with it as fallback). */
inline GenerationOptions options(qint64 seed, const GenerationMaterial &material = {})
{
    GenerationOptions o;
    o.seed = seed;
    o.model = QStringLiteral("kairix-offline-1");
    o.material = material.withFallback(builtInMaterial());
    return o;
}

/** Items [0, count) of @p generatorName through the offline backend; empty list (and a QTest failure) on error. */
inline Result<QList<TestScenario>> generate(const QString &generatorName, const GenerationOptions &o, int count)
{
    const auto reg = registry();
    const Generator *g = reg->find(generatorName);
    if (!g)
        return Error::notFound(QStringLiteral("no generator ") + generatorName);
    OfflineBackend backend(reg, o.material, builtInMaterial());
    QList<TestScenario> out;
    for (int i = 0; i < count; ++i) {
        auto request = g->buildRequest(i, o);
        if (!request)
            return request.error();
        auto answer = backend.completeJson(*request, [g](const Json &j) { return g->validate(j); });
        if (!answer)
            return answer.error();
        auto scenarios = g->toScenarios(answer->value, i, o);
        if (!scenarios)
            return scenarios.error();
        out += *scenarios;
    }
    return out;
}

/** Every scenario's JSON, one a line: what "byte-identical" compares. */
inline QByteArray dump(const QList<TestScenario> &scenarios)
{
    QByteArray out;
    for (const TestScenario &s : scenarios)
        out += QByteArray::fromStdString(s.toJson().dump()) + '\n';
    return out;
}

/** An in-memory workspace with @p paths imported as @p kind. */
inline std::unique_ptr<WorkspaceStore> workspaceWith(const QStringList &paths, const QString &kind)
{
    auto store = WorkspaceStore::open(QStringLiteral(":memory:"));
    if (!store)
        qFatal("open: %s", qPrintable(store.error().message));
    for (const QString &path : paths) {
        const auto outcome = ImportService::run(**store, ImportRequest{{path}, kind, QString(), {}});
        if (!outcome)
            qFatal("import %s: %s", qPrintable(path), qPrintable(outcome.error().message));
    }
    return std::move(*store);
}

/** The checks every generated scenario passes: JSON round trip, id, provenance of a generated item. */
inline void checkWellFormed(const TestScenario &s, const QString &generatorName, qint64 seed,
                            const QString &templateId)
{
    const auto back = TestScenario::fromJson(s.toJson());
    QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error().message));
    QVERIFY(*back == s);
    QVERIFY2(s.id.startsWith(generatorName + QLatin1Char('-') + QString::number(seed) + QLatin1Char('-')),
             qPrintable(s.id));
    QVERIFY(!s.name.isEmpty());
    QVERIFY(!s.messages.isEmpty());
    QVERIFY(!s.expectedCapabilities.isEmpty());
    const Provenance &p = s.provenance;
    QCOMPARE(p.generator, generatorName);
    QCOMPARE(p.backend, QStringLiteral("offline"));
    QCOMPARE(p.model, QStringLiteral("kairix-offline-1"));
    QCOMPARE(p.promptTemplate, templateId);
    QCOMPARE(p.seed, seed);
    const auto t = PromptTemplate::builtIn(templateId);
    QVERIFY(t.ok());
    QVERIFY(p.extra.value("prompt_template_version", 0) == t->version());
    QCOMPARE(qs(p.extra.value("prompt_template_sha256", std::string())), t->contentHash());
    QVERIFY(p.extra.contains("item_index"));
}

} // namespace kx::testkit

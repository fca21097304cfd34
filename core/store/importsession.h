// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importers/scenariosink.h"
#include "model/testdataset.h"
#include "model/testscenario.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QList>

#include <memory>

namespace kx {

class WorkspaceStore;
struct EncodedScenario;

/**
 * One import as one transaction (BEGIN IMMEDIATE when WorkspaceStore::beginImport()
 * creates it): datasets and scenarios added through it appear together on
 * commit(), or not at all. Destroying an uncommitted session rolls it back,
 * leaving the workspace exactly as before.
 *
 * A scenario id may appear once per dataset; a second one is an error naming
 * it (the rows added before stay in the open transaction, the caller usually
 * gives up and destroys the session).
 *
 * Ownership and threads: created by and bound to one WorkspaceStore, which must
 * outlive it; used on the thread that uses that store. While it is open, other
 * connections to the same file can read (WAL) but writes wait for it.
 */
class ImportSession final : public ScenarioSink
{
    Q_DECLARE_TR_FUNCTIONS(kx::ImportSession)
    Q_DISABLE_COPY_MOVE(ImportSession)

public:
    ~ImportSession() override;

    /**
     * Registers @p dataset (its id is ignored and assigned here; an invalid
     * createdAt becomes now) and makes it the target of the following add() calls.
     */
    Result<qint64> beginDataset(const TestDataset &dataset) override;
    /**
     * Makes the already registered dataset @p id the target of the following
     * add() calls (a generation job adds to its dataset one item at a time).
     * NotFound when there is no such dataset.
     */
    Result<void> continueDataset(qint64 id);
    /** Adds one scenario to the current dataset, with its search index and capability rows. */
    Result<void> add(const TestScenario &scenario) override;
    /** Makes everything added durable and closes the session; later calls fail. */
    Result<void> commit();
    /**
     * add() for a scenario already encoded, e.g. by ScenarioPipeline on the
     * parser's thread (ScenarioCodec::encode is thread-safe): only the SQLite
     * work is left for the session's thread.
     */
    Result<void> addEncoded(const EncodedScenario &row);
    /** Rolls back now instead of at destruction. */
    void rollback();

    bool isOpen() const { return m_open; }
    QList<qint64> datasetIds() const { return m_datasetIds; }
    qint64 scenarioCount() const { return m_scenarioCount; }

private:
    void restoreCacheSize();
    friend class WorkspaceStore;
    explicit ImportSession(WorkspaceStore &store);
    Result<void> start();
    struct Statements;

    WorkspaceStore &m_store;
    std::unique_ptr<Statements> m_statements;
    QList<qint64> m_datasetIds;
    qint64 m_currentDataset = 0;
    QString m_currentDatasetName;
    qint64 m_scenarioCount = 0;
    bool m_open = false;
    qint64 m_savedCacheSize = -32768; ///< the connection's page cache before the import raised it
};

} // namespace kx

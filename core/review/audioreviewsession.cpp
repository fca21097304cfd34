// SPDX-License-Identifier: GPL-3.0-or-later
#include "audioreviewsession.h"

#include "models/futurereply.h"
#include "review/scenarioedits.h"
#include "review/scenarioeditcommand.h"
#include "store/asyncworkspace.h"
#include "store/workspacestore.h"

namespace kx {

AudioReviewSession::AudioReviewSession(AsyncWorkspace *workspace, QObject *parent)
    : QObject(parent), m_workspace(workspace)
{
}

AudioReviewSession::~AudioReviewSession() = default;

void AudioReviewSession::setQueue(const ScenarioFilter &filter, Order order)
{
    ++m_generation;
    m_filter = filter;
    m_filter.audioOnly = true;
    m_order = order;
    m_rows.clear();
    m_cursor = PageCursor();
    m_loading = false;
    m_exhausted = false;
    m_count = -1;
    m_index = -1;
    m_wantedIndex = 0;
    m_currentRowId = 0;
    m_currentLoaded = false;
    m_currentCheck.reset();
    m_undo.clear();
    Q_EMIT queueReset();
    Q_EMIT currentChanged();

    const quint64 generation = m_generation;
    onFutureReady(this, m_workspace->count(m_filter), [this, generation](const Result<qint64> &r) {
        if (generation != m_generation)
            return;
        if (!r) {
            Q_EMIT errorOccurred(r.error().message);
            return;
        }
        m_count = *r;
        Q_EMIT countChanged(m_count);
    });
    loadMore();
}

void AudioReviewSession::loadMore()
{
    if (m_loading || m_exhausted)
        return;
    m_loading = true;
    const ScenarioSort sort = m_order == Order::MostSuspiciousFirst
                                  ? ScenarioSort{ScenarioSortKey::AudioSuspicion, Qt::DescendingOrder}
                                  : ScenarioSort{ScenarioSortKey::RowId, Qt::AscendingOrder};
    const quint64 generation = m_generation;
    onFutureReady(this, m_workspace->page(m_filter, sort, m_cursor, pageSize),
                  [this, generation, sort](const Result<QList<ScenarioRow>> &r) {
                      if (generation != m_generation)
                          return;
                      m_loading = false;
                      if (!r) {
                          Q_EMIT errorOccurred(r.error().message);
                          return;
                      }
                      if (r->size() < pageSize)
                          m_exhausted = true;
                      if (!r->isEmpty())
                          m_cursor = WorkspaceStore::cursorAfter(r->last(), sort);
                      m_rows.append(*r);
                      Q_EMIT rowsChanged();
                      if (m_wantedIndex >= 0 && m_wantedIndex < m_rows.size())
                          select(m_wantedIndex);
                      else if (m_wantedIndex >= 0 && !m_exhausted)
                          loadMore(); // the wanted clip is further on
                      else if (m_wantedIndex >= 0 && m_index < 0 && !m_rows.isEmpty())
                          select(int(m_rows.size()) - 1); // asked past the end: the last clip
                  });
}

void AudioReviewSession::select(int index)
{
    if (index < 0)
        return;
    if (index >= m_rows.size()) {
        // Not loaded yet: remember it and fetch on.
        if (!m_exhausted) {
            m_wantedIndex = index;
            loadMore();
        }
        return;
    }
    m_wantedIndex = -1;
    if (index == m_index && m_currentRowId == m_rows[index].rowId)
        return;
    m_index = index;
    m_currentRowId = m_rows[index].rowId;
    m_currentLoaded = false;
    m_currentCheck.reset();
    if (m_rows.size() - index < pageSize / 4)
        loadMore();
    loadCurrent();
}

void AudioReviewSession::loadCurrent()
{
    const qint64 rowId = m_currentRowId;
    const quint64 generation = ++m_currentGeneration;
    onFutureReady(this, m_workspace->scenario(rowId), [this, rowId, generation](const Result<TestScenario> &r) {
        if (generation != m_currentGeneration || rowId != m_currentRowId)
            return;
        if (!r) {
            Q_EMIT errorOccurred(r.error().message);
            return;
        }
        m_current = *r;
        onFutureReady(this, m_workspace->audioCheck(rowId),
                      [this, rowId, generation](const Result<std::optional<AudioCheck>> &check) {
                          if (generation != m_currentGeneration || rowId != m_currentRowId)
                              return;
                          m_currentCheck = check ? *check : std::nullopt;
                          m_currentLoaded = true;
                          Q_EMIT currentChanged();
                      });
    });
}

void AudioReviewSession::next()
{
    select(m_index + 1);
}

void AudioReviewSession::previous()
{
    if (m_index > 0)
        select(m_index - 1);
}

void AudioReviewSession::accept()
{
    if (hasCurrent())
        edit(ScenarioEdits::withStatus(m_current, ReviewStatus::Accepted), QStringLiteral("verdict"),
             tr("Accept “%1”").arg(m_current.name), true);
}

void AudioReviewSession::reject()
{
    if (hasCurrent())
        edit(ScenarioEdits::withStatus(m_current, ReviewStatus::Rejected), QStringLiteral("verdict"),
             tr("Reject “%1”").arg(m_current.name), true);
}

void AudioReviewSession::skip()
{
    if (hasCurrent())
        edit(ScenarioEdits::withStatus(m_current, ReviewStatus::Skipped), QStringLiteral("verdict"),
             tr("Skip “%1”").arg(m_current.name), true);
}

void AudioReviewSession::toggleTag(AudioIssueTag tag)
{
    if (!hasCurrent())
        return;
    const bool on = !ScenarioEdits::audioTags(m_current).contains(tag);
    edit(ScenarioEdits::withAudioTagToggled(m_current, tag), QStringLiteral("tags"),
         (on ? tr("Flag “%1”") : tr("Unflag “%1”")).arg(AudioIssueTags::label(tag)), false);
}

void AudioReviewSession::setTranscript(const QString &text)
{
    if (!hasCurrent() || text == ScenarioEdits::transcript(m_current))
        return;
    edit(ScenarioEdits::withTranscript(m_current, text), QStringLiteral("transcript"), tr("Edit transcript"), false);
}

void AudioReviewSession::edit(const TestScenario &after, const QString &action, const QString &text, bool advance)
{
    if (after == m_current)
        return;
    m_undo.push(new ScenarioEditCommand(
        [this](qint64 rowId, const TestScenario &state, const QString &a) { save(rowId, state, a); }, m_currentRowId,
        m_current, after, action, text));
    if (advance)
        next();
}

void AudioReviewSession::save(qint64 rowId, const TestScenario &state, const QString &action)
{
    // Queued first: the worker runs calls in order, so a reload of this clip below sees the saved state.
    onFutureReady(this, m_workspace->updateScenario(rowId, state, m_reviewer, action),
                  [this, rowId, action](const Result<ReviewEvent> &r) {
                      if (!r) {
                          Q_EMIT errorOccurred(r.error().message);
                          return;
                      }
                      Q_EMIT saved(rowId, action);
                  });
    for (ScenarioRow &row : m_rows)
        if (row.rowId == rowId)
            row.status = state.status;
    Q_EMIT rowsChanged();
    if (rowId != m_currentRowId) {
        showRow(rowId); // an undo or redo of another clip goes back to that clip
        return;
    }
    m_current = state;
    if (m_currentLoaded)
        Q_EMIT currentChanged();
    else
        loadCurrent(); // a load still in flight was queued before this save: read the clip again after it
}

void AudioReviewSession::showRow(qint64 rowId)
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].rowId == rowId) {
            select(i);
            return;
        }
    }
}

} // namespace kx

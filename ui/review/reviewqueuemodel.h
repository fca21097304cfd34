// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>

namespace kx {

class ScenarioReviewSession;

/**
 * The scenarios of a ScenarioReviewSession as a list: the name, a second line
 * (dataset, category, turns), and the review status for the badge. Follows
 * the session's rows as they load and as verdicts change them.
 */
class ReviewQueueModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewQueueModel)

public:
    enum Role {
        RowIdRole = Qt::UserRole + 1,
        SubtitleRole,     ///< "dataset · category · N turns"
        StatusKeyRole,    ///< "pending", "accepted", …
        StatusLabelRole,  ///< translated
    };

    /** @p session is not owned and must outlive the model. */
    explicit ReviewQueueModel(ScenarioReviewSession *session, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

private:
    void sync();

    ScenarioReviewSession *m_session;
    int m_rows = 0;
};

} // namespace kx

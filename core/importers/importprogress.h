// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/cancellation.h"

#include <QtGlobal>

namespace kx {

/**
 * Progress of one import across all its files, in bytes read against the
 * total size of the files, and the place converters learn about cancellation.
 *
 * Converters call update() once per record; it reaches the WorkControl
 * callbacks only every @ref stride records (and at file ends), so the per-row
 * cost is one increment. Used on the importing thread only.
 */
class ImportProgress final
{
    Q_DISABLE_COPY_MOVE(ImportProgress)

public:
    /** Rows between two reports / cancellation checks. */
    static constexpr int stride = 512;

    /** @p control is copied; @p totalBytes may be 0 when unknown. */
    explicit ImportProgress(WorkControl control = {}, qint64 totalBytes = 0);

    /** Starts the next file: the bytes of the files before it count as done. */
    void beginFile();
    /** Ends the current file of @p fileSize bytes, reporting it as fully read. */
    void endFile(qint64 fileSize);
    /**
     * Notes that @p bytesInFile bytes of the current file have been read.
     * Returns false once the work is cancelled: the converter must stop.
     */
    bool update(qint64 bytesInFile)
    {
        if (++m_calls < stride)
            return true;
        m_calls = 0;
        return report(bytesInFile);
    }
    /** Asks the WorkControl right away (at file boundaries). */
    bool isCancelled() const { return m_control.isCancelled(); }
    /** The size of all files of the import, as given. */
    qint64 totalBytes() const { return m_total; }
    /** Bytes of the files finished so far. */
    qint64 doneBytes() const { return m_done; }

private:
    bool report(qint64 bytesInFile);

    WorkControl m_control;
    qint64 m_total = 0;
    qint64 m_done = 0;    // bytes of the finished files
    int m_calls = 0;
};

} // namespace kx

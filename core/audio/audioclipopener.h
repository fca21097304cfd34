// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formats/audiodecoder.h"
#include "importers/hub/parquetaudiosource.h"
#include "util/jsonqt.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace kx {

/**
 * Opens the clip a scenario's `audio` reference points at: `{"path": file}`
 * is streamed from disk by libsndfile; a parquet cell (`{"parquet", "row_group",
 * "row", "column"}`) is read through ParquetAudioSource and decoded from memory.
 * Keeps the last parquet file open, so one instance per thread, reused across
 * clips, reads a dataset's clips without reopening the file.
 */
class AudioClipOpener final
{
    Q_DECLARE_TR_FUNCTIONS(kx::AudioClipOpener)
    Q_DISABLE_COPY_MOVE(AudioClipOpener)

public:
    AudioClipOpener() = default;

    /** Whether @p reference looks like an audio reference at all (an object with "path" or "parquet"). */
    static bool isReference(const Json &reference);
    /**
     * A key that names this clip's content for the workspace caches: the
     * absolute file, its size and modification time, and for parquet the row
     * group, row and column. A changed file gets a new key. NotFound when the
     * file is gone.
     */
    static Result<QString> cacheKey(const Json &reference);
    /** A short human label for the clip (file name, and row for parquet), for titles and errors. */
    static QString label(const Json &reference);

    /** Opens the clip for decoding; errors name the file (and parquet row) and the reason. */
    Result<std::unique_ptr<AudioDecoder>> open(const Json &reference);

private:
    ParquetAudioSource m_parquet;
};

} // namespace kx

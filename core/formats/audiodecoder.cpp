// SPDX-License-Identifier: GPL-3.0-or-later
#include "audiodecoder.h"

#include <QFileInfo>

#include <sndfile.h>

#include <algorithm>
#include <cstring>

namespace kx {

/** The libsndfile handle and, for bytes, the buffer its virtual I/O reads. */
struct AudioDecoder::Private
{
    SNDFILE *file = nullptr;
    QByteArray bytes;
    sf_count_t offset = 0;
    SF_VIRTUAL_IO io{};
    bool declaredLengthIsExact = true;

    ~Private()
    {
        if (file)
            sf_close(file);
    }

    static Private *self(void *user) { return static_cast<Private *>(user); }

    static sf_count_t length(void *user) { return self(user)->bytes.size(); }

    static sf_count_t seek(sf_count_t offset, int whence, void *user)
    {
        Private *p = self(user);
        sf_count_t target = offset;
        if (whence == SEEK_CUR)
            target = p->offset + offset;
        else if (whence == SEEK_END)
            target = p->bytes.size() + offset;
        p->offset = std::clamp<sf_count_t>(target, 0, p->bytes.size());
        return p->offset;
    }

    static sf_count_t read(void *ptr, sf_count_t count, void *user)
    {
        Private *p = self(user);
        const sf_count_t n = std::clamp<sf_count_t>(p->bytes.size() - p->offset, 0, count);
        if (n > 0)
            std::memcpy(ptr, p->bytes.constData() + p->offset, size_t(n));
        p->offset += n;
        return n;
    }

    static sf_count_t write(const void *, sf_count_t, void *) { return 0; }

    static sf_count_t tell(void *user) { return self(user)->offset; }
};

namespace {

QString formatName(int format)
{
    const int major = format & SF_FORMAT_TYPEMASK;
    const int sub = format & SF_FORMAT_SUBMASK;
    switch (major) {
    case SF_FORMAT_WAV:
    case SF_FORMAT_WAVEX:
    case SF_FORMAT_RF64:
        return QStringLiteral("WAV");
    case SF_FORMAT_FLAC:
        return QStringLiteral("FLAC");
    case SF_FORMAT_OGG:
        if (sub == SF_FORMAT_OPUS)
            return QStringLiteral("OGG (Opus)");
        return QStringLiteral("OGG (Vorbis)");
    case SF_FORMAT_MPEG:
        return QStringLiteral("MPEG");
    case SF_FORMAT_AIFF:
        return QStringLiteral("AIFF");
    case SF_FORMAT_AU:
        return QStringLiteral("AU");
    case SF_FORMAT_CAF:
        return QStringLiteral("CAF");
    case SF_FORMAT_W64:
        return QStringLiteral("W64");
    default:
        break;
    }
    SF_FORMAT_INFO info{};
    info.format = major;
    if (sf_command(nullptr, SFC_GET_FORMAT_INFO, &info, sizeof(info)) == 0 && info.name)
        return QString::fromUtf8(info.name);
    return QStringLiteral("0x%1").arg(major, 0, 16);
}

} // namespace

AudioDecoder::AudioDecoder() : d(std::make_unique<Private>()) {}

AudioDecoder::~AudioDecoder() = default;

namespace {

/** Fills the decoder's info from @p sfinfo; an error when the stream is unusable. */
Result<AudioInfo> describe(const SF_INFO &sfinfo, const QString &label)
{
    if (sfinfo.samplerate <= 0 || sfinfo.channels <= 0)
        return Error::badInput(AudioDecoder::tr("%1: not a usable audio stream (sample rate %2, %3 channels)")
                                   .arg(label).arg(sfinfo.samplerate).arg(sfinfo.channels));
    AudioInfo info;
    info.sampleRate = sfinfo.samplerate;
    info.channels = sfinfo.channels;
    info.frames = std::max<sf_count_t>(sfinfo.frames, 0);
    info.format = formatName(sfinfo.format);
    return info;
}

} // namespace

Result<std::unique_ptr<AudioDecoder>> AudioDecoder::openFile(const QString &path)
{
    const QFileInfo fi(path);
    if (!fi.exists())
        return Error::notFound(tr("%1: no such file").arg(path));
    if (!fi.isFile())
        return Error::badInput(tr("%1: not a file").arg(path));
    if (fi.size() == 0)
        return Error::badInput(tr("%1: the file is empty").arg(path));
    std::unique_ptr<AudioDecoder> decoder(new AudioDecoder);
    decoder->m_label = path;
    SF_INFO sfinfo{};
    decoder->d->file = sf_open(QFile::encodeName(path).constData(), SFM_READ, &sfinfo);
    if (!decoder->d->file)
        return Error::badInput(tr("%1: cannot decode the audio: %2").arg(path, QString::fromUtf8(sf_strerror(nullptr))));
    auto info = describe(sfinfo, path);
    if (!info)
        return info.error();
    decoder->m_info = std::move(*info);
    decoder->d->declaredLengthIsExact = (sfinfo.format & SF_FORMAT_TYPEMASK) != SF_FORMAT_MPEG;
    return decoder;
}

Result<std::unique_ptr<AudioDecoder>> AudioDecoder::openBytes(QByteArray bytes, const QString &label)
{
    if (bytes.isEmpty())
        return Error::badInput(tr("%1: the audio is empty").arg(label));
    std::unique_ptr<AudioDecoder> decoder(new AudioDecoder);
    decoder->m_label = label;
    Private &p = *decoder->d;
    p.bytes = std::move(bytes);
    p.io.get_filelen = &Private::length;
    p.io.seek = &Private::seek;
    p.io.read = &Private::read;
    p.io.write = &Private::write;
    p.io.tell = &Private::tell;
    SF_INFO sfinfo{};
    p.file = sf_open_virtual(&p.io, SFM_READ, &sfinfo, &p);
    if (!p.file)
        return Error::badInput(tr("%1: cannot decode the audio: %2").arg(label, QString::fromUtf8(sf_strerror(nullptr))));
    auto info = describe(sfinfo, label);
    if (!info)
        return info.error();
    decoder->m_info = std::move(*info);
    p.declaredLengthIsExact = (sfinfo.format & SF_FORMAT_TYPEMASK) != SF_FORMAT_MPEG;
    return decoder;
}

Result<qint64> AudioDecoder::read(float *out, qint64 frames)
{
    if (frames <= 0)
        return qint64(0);
    const sf_count_t got = sf_readf_float(d->file, out, frames);
    if (got < 0 || sf_error(d->file) != SF_ERR_NO_ERROR)
        return Error::badInput(tr("%1: decoding failed at frame %2: %3")
                                   .arg(m_label).arg(m_position).arg(QString::fromUtf8(sf_strerror(d->file))));
    m_position += got;
    if (got == 0 && d->declaredLengthIsExact && m_position < m_info.frames)
        return Error::badInput(tr("%1: the audio ends at frame %2 of the %3 its header declares (truncated or corrupt)")
                                   .arg(m_label).arg(m_position).arg(m_info.frames));
    return qint64(got);
}

Result<void> AudioDecoder::seek(qint64 frame)
{
    const qint64 target = std::clamp<qint64>(frame, 0, m_info.frames);
    if (target == m_position)
        return {};
    const sf_count_t at = sf_seek(d->file, target, SEEK_SET);
    if (at < 0)
        return Error::badInput(tr("%1: cannot seek to frame %2: %3")
                                   .arg(m_label).arg(target).arg(QString::fromUtf8(sf_strerror(d->file))));
    m_position = at;
    return {};
}

} // namespace kx

// SPDX-License-Identifier: GPL-3.0-or-later
#include "hublayout.h"

#include "importers/hub/hubfrontmatter.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QRegularExpression>

#include <algorithm>

namespace kx {

namespace {

const QString defaultConfig = QStringLiteral("default");

/** `<split>-0000K-of-0000N[-hash].parquet`, as `datasets` and `huggingface-cli` name shards. */
const QRegularExpression &shardPattern()
{
    static const QRegularExpression rx(QStringLiteral("^(.+)-(\\d{5})-of-(\\d{5})(?:-[0-9a-fA-F]+)?\\.parquet$"));
    return rx;
}

bool isParquet(const QString &file)
{
    return file.endsWith(QLatin1String(".parquet"), Qt::CaseInsensitive);
}

/** The Hub id and revision a path inside the cache stands for; the snapshot folder when there is one. */
struct CacheInfo
{
    QString hubId;
    QString revision;
    QString snapshotRoot;
};

CacheInfo cacheInfoOf(const QString &absolutePath)
{
    CacheInfo info;
    const QStringList parts = QDir::cleanPath(absolutePath).split(QLatin1Char('/'));
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (!parts[i].startsWith(QLatin1String("datasets--")))
            continue;
        QString id = parts[i].mid(int(qstrlen("datasets--")));
        // The cache turns "org/name" into "org--name"; names never start with "-", so the first "--" splits.
        const qsizetype sep = id.indexOf(QLatin1String("--"));
        if (sep > 0)
            id = id.left(sep) + QLatin1Char('/') + id.mid(sep + 2);
        info.hubId = id;
        if (i + 2 < parts.size() && parts[i + 1] == QLatin1String("snapshots")) {
            info.revision = parts[i + 2];
            info.snapshotRoot = parts.mid(0, i + 3).join(QLatin1Char('/'));
        }
    }
    return info;
}

/** For a `datasets--org--name` folder itself: the snapshot refs/main names, else the last one. */
QString pickSnapshot(const QString &cacheDir)
{
    const QDir snapshots(cacheDir + QStringLiteral("/snapshots"));
    QFile ref(cacheDir + QStringLiteral("/refs/main"));
    if (ref.open(QIODevice::ReadOnly)) {
        const QString rev = QString::fromUtf8(ref.readAll()).trimmed();
        if (!rev.isEmpty() && snapshots.exists(rev))
            return snapshots.absoluteFilePath(rev);
    }
    const QStringList revs = snapshots.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    return revs.isEmpty() ? QString() : snapshots.absoluteFilePath(revs.last());
}

/** Checks that every `-of-N` set among @p relativeFiles is complete; the error names a missing shard. */
Result<void> checkShardSets(const QStringList &relativeFiles, const QString &root)
{
    struct Set
    {
        int total = -1;
        QList<int> present;
        QString dir;
        QString prefix;
    };
    QMap<QString, Set> sets;
    for (const QString &rel : relativeFiles) {
        const QFileInfo fi(rel);
        const auto m = shardPattern().match(fi.fileName());
        if (!m.hasMatch())
            continue;
        const QString dir = fi.path() == QLatin1String(".") ? QString() : fi.path() + QLatin1Char('/');
        Set &set = sets[dir + m.captured(1)];
        const int total = m.captured(3).toInt();
        if (set.total >= 0 && set.total != total)
            return Error::badInput(HubLayout::tr("%1: shards of \"%2\" disagree on their count (%3 and %4)")
                                       .arg(root, dir + m.captured(1)).arg(set.total).arg(total));
        set.total = total;
        set.dir = dir;
        set.prefix = m.captured(1);
        set.present.append(m.captured(2).toInt());
    }
    for (const Set &set : std::as_const(sets)) {
        for (int k = 0; k < set.total; ++k) {
            if (set.present.contains(k))
                continue;
            const QString missing = QStringLiteral("%1%2-%3-of-%4.parquet")
                                        .arg(set.dir, set.prefix)
                                        .arg(k, 5, 10, QLatin1Char('0'))
                                        .arg(set.total, 5, 10, QLatin1Char('0'));
            return Error::badInput(HubLayout::tr("%1: shard %2 of %3 is missing: %4")
                                       .arg(root).arg(k + 1).arg(set.total)
                                       .arg(QDir(root).filePath(missing)));
        }
    }
    return {};
}

HubSplit makeSplit(const QString &config, const QString &split, QStringList relative, const QString &root,
                   const CacheInfo &cache)
{
    std::sort(relative.begin(), relative.end());
    HubSplit s;
    s.config = config;
    s.split = split;
    s.hubId = cache.hubId;
    s.revision = cache.revision;
    s.shards = relative;
    const QDir dir(root);
    for (const QString &rel : std::as_const(relative))
        s.files.append(dir.filePath(rel));
    return s;
}

} // namespace

bool HubLayout::holdsParquet(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isDir())
        return info.isFile() && isParquet(path);
    QDirIterator it(path, {QStringLiteral("*.parquet")}, QDir::Files, QDirIterator::Subdirectories);
    return it.hasNext();
}

void HubLayout::configAndSplitOf(const QString &relativePath, QString &config, QString &split)
{
    QStringList parts = relativePath.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const QString fileName = parts.isEmpty() ? QString() : parts.takeLast();
    static const QRegularExpression numbered(QStringLiteral("^\\d+\\.parquet$"));
    if (numbered.match(fileName).hasMatch() && !parts.isEmpty()) {
        // refs/convert/parquet: <config>/<split>/0000.parquet; big splits are "partial-<split>".
        split = parts.takeLast();
        if (split.startsWith(QLatin1String("partial-")))
            split = split.mid(8);
    } else if (const auto m = shardPattern().match(fileName); m.hasMatch()) {
        split = m.captured(1);
    } else {
        split = QFileInfo(fileName).completeBaseName();
    }
    // A "data" folder holds the files of the default config (or of the config above it).
    parts.removeAll(QStringLiteral("data"));
    config = parts.isEmpty() ? defaultConfig : parts.join(QLatin1Char('/'));
}

Result<QList<HubSplit>> HubLayout::scan(const QString &path)
{
    const QFileInfo info(path);
    const QString absolute = info.absoluteFilePath();
    if (!info.exists())
        return Error::notFound(tr("%1: no such file or directory").arg(path));
    CacheInfo cache = cacheInfoOf(absolute);

    if (!info.isDir()) {
        if (!isParquet(absolute))
            return Error::badInput(tr("%1: not a parquet file").arg(path));
        const QString root = cache.snapshotRoot.isEmpty() ? info.absolutePath() : cache.snapshotRoot;
        const QString rel = QDir(root).relativeFilePath(absolute);
        HubSplit s;
        configAndSplitOf(rel, s.config, s.split);
        return QList<HubSplit>{makeSplit(s.config, s.split, {rel}, root, cache)};
    }

    // The cache folder itself: read one snapshot of it.
    QString scanDir = absolute;
    if (QFileInfo(absolute + QStringLiteral("/snapshots")).isDir()) {
        scanDir = pickSnapshot(absolute);
        if (scanDir.isEmpty())
            return Error::badInput(tr("%1: the Hub cache folder holds no snapshot").arg(path));
        cache = cacheInfoOf(scanDir);
    }
    const QString root = cache.snapshotRoot.isEmpty() ? scanDir : cache.snapshotRoot;
    const QDir rootDir(root);

    // Hidden folders (.cache, .git, .huggingface) hold download bookkeeping, never data.
    QStringList relative;
    QDirIterator it(scanDir, {QStringLiteral("*.parquet")}, QDir::Files,
                    QDirIterator::Subdirectories | QDirIterator::FollowSymlinks);
    while (it.hasNext())
        relative.append(rootDir.relativeFilePath(it.next()));
    std::sort(relative.begin(), relative.end());
    if (relative.isEmpty())
        return Error::badInput(tr("%1: the folder holds no parquet file").arg(path));
    for (const QString &rel : std::as_const(relative)) {
        if (!QFileInfo(rootDir.filePath(rel)).exists()) // a dangling symlink into blobs/
            return Error::badInput(tr("%1: the shard is a broken link").arg(rootDir.filePath(rel)));
    }
    if (auto r = checkShardSets(relative, root); !r)
        return r.error();

    QList<HubSplit> out;
    const QString readme = rootDir.filePath(QStringLiteral("README.md"));
    if (QFileInfo::exists(readme)) {
        auto card = HubFrontMatter::read(readme);
        if (!card)
            return card.error();
        for (const HubFrontMatter::Config &config : std::as_const(card->configs)) {
            for (const HubFrontMatter::DataFiles &files : config.dataFiles) {
                QStringList matched;
                for (const QString &glob : files.globs) {
                    const QRegularExpression rx(HubFrontMatter::globToRegex(glob));
                    for (const QString &rel : std::as_const(relative)) {
                        if (rx.match(rel).hasMatch() && !matched.contains(rel))
                            matched.append(rel);
                    }
                }
                // A config left out of a partial download (--include) has no files here: skip it.
                if (!matched.isEmpty())
                    out.append(makeSplit(config.name, files.split, matched, root, cache));
            }
        }
        if (!out.isEmpty())
            return out;
    }

    QMap<QPair<QString, QString>, QStringList> groups;
    for (const QString &rel : std::as_const(relative)) {
        QString config;
        QString split;
        configAndSplitOf(rel, config, split);
        groups[qMakePair(config, split)].append(rel);
    }
    for (auto g = groups.cbegin(); g != groups.cend(); ++g)
        out.append(makeSplit(g.key().first, g.key().second, g.value(), root, cache));
    return out;
}

} // namespace kx

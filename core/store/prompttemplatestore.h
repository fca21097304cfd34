// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "generation/generators/prompttemplate.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>

#include <optional>

namespace kx {

class WorkspaceStore;

/** One saved version of a prompt template in the workspace (table prompt_templates). */
struct StoredPromptTemplate
{
    qint64 rowId = 0;
    PromptTemplate promptTemplate;  ///< its version() is the stored version
    QString author;
    QDateTime savedAt;              ///< UTC
};

/**
 * User-edited versions of the generators' prompt templates, kept in the
 * workspace (schema v4, table prompt_templates). The built-in template
 * (":/prompts/<id>.json") is the version a workspace starts from; every save
 * adds a new version, nothing is overwritten, so the scenarios' provenance
 * (template id, version and SHA-256) always names a text that can be read.
 *
 * Stored templates have the origin "workspace template <id> v<version>". A
 * row whose body does not parse, or whose id, version or SHA-256 disagree
 * with its columns, is reported as a Database error naming it.
 *
 * This class does not know what a generator needs from a template: callers
 * run GeneratorRegistry::checkTemplate() before save().
 *
 * Ownership and threads: works on a WorkspaceStore that must outlive it and
 * follows its rules (one thread at a time).
 */
class PromptTemplateStore final
{
    Q_DECLARE_TR_FUNCTIONS(kx::PromptTemplateStore)
    Q_DISABLE_COPY_MOVE(PromptTemplateStore)

public:
    explicit PromptTemplateStore(WorkspaceStore &store) : m_store(store) {}

    /** The saved versions of @p templateId, oldest first (the built-in one is not listed). */
    Result<QList<StoredPromptTemplate>> versions(const QString &templateId) const;
    /** The newest saved version of @p templateId, or nullopt when it was never edited. */
    Result<std::optional<PromptTemplate>> latest(const QString &templateId) const;
    /** The template a new job uses: the newest saved version, else the built-in one. */
    Result<PromptTemplate> current(const QString &templateId) const;
    /**
     * Version @p version of @p templateId: a saved one, else the built-in
     * template when its version is @p version; NotFound otherwise.
     */
    Result<PromptTemplate> version(const QString &templateId, int version) const;
    /**
     * Saves @p edited as the next version of its id (one more than the newest
     * saved or built-in version; the version in @p edited is ignored), in one
     * IMMEDIATE transaction, so two writers never take the same number.
     * Refused (BadInput, nothing written) when its content equals the current
     * version's, or when no built-in template has its id. Returns the template
     * as stored, with its new version and origin.
     */
    Result<PromptTemplate> save(const PromptTemplate &edited, const QString &author);

    /** "workspace template <id> v<version>": the origin of a stored template. */
    static QString originOf(const QString &templateId, int version);
    /** @p t with its version set to @p version (and @p origin); content otherwise unchanged. */
    static Result<PromptTemplate> withVersion(const PromptTemplate &t, int version, const QString &origin);

private:
    WorkspaceStore &m_store;
};

} // namespace kx

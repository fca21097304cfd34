// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace kx {

class WorkspaceStore;

/**
 * What generators and the offline backend compose scenarios from: agent
 * profiles, personas, first-person facts, conversation domains and knowledge
 * questions (with their answers), plus short utterances the offline backend
 * strings into conversations.
 *
 * The *Sources lists run parallel to personas / questions and hold the id of
 * the scenario each item came from (empty for built-in material); generators
 * put them into provenance "parents". A value type (implicitly shared lists);
 * cheap to copy, safe to pass between threads.
 */
struct GenerationMaterial
{
    Q_DECLARE_TR_FUNCTIONS(kx::GenerationMaterial)

public:
    QStringList agentProfiles;
    QStringList personas;          ///< one persona a string, its sentences joined by spaces
    QStringList personaSources;
    QStringList facts;             ///< first-person statements ("I work as a nurse.")
    QStringList domains;
    QStringList questions;
    QStringList answers;           ///< expected answer of each question ("" when unknown)
    QStringList questionSources;
    QStringList userUtterances;    ///< small talk for padding conversations ({domain} may appear)
    QStringList assistantUtterances;
    QStringList recallQuestions;   ///< later-session questions that need earlier memories

    /** The material compiled in (":/prompts/offline-material.json"). */
    static Result<GenerationMaterial> builtIn();

    /**
     * A bounded sample of the workspace: up to @p limit personas (PersonaChat
     * datasets' memory_requirements; their sentences also become facts) and up
     * to @p limit questions with answers (MMLU, GSM8K and BBH datasets), read
     * page by page, never the whole workspace. Lists stay empty when the
     * workspace has no such datasets. Runs on the store's thread.
     */
    static Result<GenerationMaterial> fromWorkspace(const WorkspaceStore &store, int limit);

    /** This material with every empty list (and its parallel lists) taken from @p fallback. */
    GenerationMaterial withFallback(const GenerationMaterial &fallback) const;
};

} // namespace kx

using NewsPulse.Storage.Stores;

namespace NewsPulse.App.Ingestion;

/// <summary>What one ingest run did, for the console summary and the ingest_runs table.</summary>
public sealed record IngestSummary(
    long RunId,
    int FeedsOk,
    int FeedsFailed,
    int ArticlesNew,
    int ArticlesDuplicate,
    int ArticlesExtracted,
    int ArticlesFailed,
    TimeSpan Elapsed,
    IReadOnlyList<IngestProblem> Problems);
